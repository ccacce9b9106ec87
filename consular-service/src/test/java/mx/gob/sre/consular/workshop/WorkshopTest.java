package mx.gob.sre.consular.workshop;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import mx.gob.sre.consular.Fixtures;
import mx.gob.sre.testsupport.SuiteInfrastructure;
import mx.gob.sre.testsupport.TestTokens;

@QuarkusTest
@WithTestResource(value = SuiteInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "consular"))
class WorkshopTest {

    static final String STAFF = TestTokens.staff("consular-officer", "AUS");

    static String workshop(int capacity, Instant startsAt) {
        return given().header("Authorization", STAFF).contentType(ContentType.JSON).body("""
                {"title":"Taller de igualdad de género","topic":"GENDER_EQUALITY","city":"Austin",
                 "venue":"Consulado General, 410 Baylor St","language":"Spanish",
                 "startsAt":"%s","endsAt":"%s","capacity":%d}"""
                .formatted(startsAt, startsAt.plus(2, ChronoUnit.HOURS), capacity))
                .post("/workshops").then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> register(String workshop, String curp) {
        return given().header("Authorization", TestTokens.citizen(curp)).contentType(ContentType.JSON).body("{}")
                .post("/workshops/" + workshop + "/registrations").then().statusCode(201).extract().jsonPath()
                .getMap("$");
    }

    @Test
    void shouldWaitlistBeyondCapacityAndPromoteOnCancel() {
        String id = workshop(2, Instant.now().plus(10, ChronoUnit.DAYS));
        List<String> people = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            people.add(Fixtures.registeredCitizen("AUS"));
        }
        Map<String, Object> first = register(id, people.get(0));
        register(id, people.get(1));
        Map<String, Object> third = register(id, people.get(2));
        Map<String, Object> fourth = register(id, people.get(3));
        assertThat(first.get("status")).isEqualTo("CONFIRMED");
        assertThat(third.get("status")).isEqualTo("WAITLISTED");
        assertThat(third.get("waitlistPosition")).isEqualTo(1);
        assertThat(fourth.get("waitlistPosition")).isEqualTo(2);
        given().header("Authorization", TestTokens.citizen(people.get(0))).contentType(ContentType.JSON).body("{}")
                .post("/workshops/" + id + "/registrations").then().statusCode(409);

        given().header("Authorization", TestTokens.citizen(people.get(1)))
                .post("/workshops/" + id + "/registrations/" + first.get("id") + "/cancel").then().statusCode(404);
        given().header("Authorization", TestTokens.citizen(people.get(0)))
                .post("/workshops/" + id + "/registrations/" + first.get("id") + "/cancel")
                .then().statusCode(200).body("status", equalTo("CANCELLED"));

        List<Map<String, Object>> registrations = given().header("Authorization", STAFF)
                .get("/workshops/" + id + "/registrations").then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(registrations).filteredOn(r -> r.get("id").equals(third.get("id"))).singleElement()
                .satisfies(r -> assertThat(r.get("status")).isEqualTo("CONFIRMED"));
        assertThat(registrations).filteredOn(r -> r.get("id").equals(fourth.get("id"))).singleElement()
                .satisfies(r -> assertThat(r.get("waitlistPosition")).isEqualTo(1));
        given().header("Authorization", STAFF).get("/workshops/" + id)
                .then().statusCode(200).body("confirmed", equalTo(2)).body("waitlisted", equalTo(1));

        given().header("Authorization", STAFF).contentType(ContentType.JSON)
                .body("{\"attended\":[\"" + fourth.get("id") + "\"]}")
                .post("/workshops/" + id + "/attendance").then().statusCode(409);
        given().header("Authorization", STAFF).contentType(ContentType.JSON)
                .body("{\"attended\":[\"" + third.get("id") + "\"]}")
                .post("/workshops/" + id + "/attendance").then().statusCode(200);
    }

    @Test
    void shouldCountWorkshopsByCityAndMonth() {
        Instant start = LocalDate.now().plusMonths(2).withDayOfMonth(10).atStartOfDay(java.time.ZoneOffset.UTC)
                .toInstant().plus(17, ChronoUnit.HOURS);
        String id = workshop(1, start);
        register(id, Fixtures.registeredCitizen("AUS"));
        register(id, Fixtures.registeredCitizen("AUS"));
        given().header("Authorization", STAFF).contentType(ContentType.JSON)
                .body("{\"guestName\":\"Ana (no CURP)\"}").post("/workshops/" + id + "/registrations")
                .then().statusCode(201).body("status", equalTo("WAITLISTED"));
        String month = start.toString().substring(0, 7);
        List<Map<String, Object>> stats = given().header("Authorization", STAFF)
                .queryParam("consulate", "AUS").queryParam("from", start.toString().substring(0, 8) + "01")
                .queryParam("to", start.toString().substring(0, 8) + "28")
                .get("/workshops/statistics").then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(stats).filteredOn(s -> "Austin".equals(s.get("city")) && month.equals(s.get("month")))
                .singleElement().satisfies(s -> {
                    assertThat(((Number) s.get("workshops")).intValue()).isGreaterThanOrEqualTo(1);
                    assertThat(((Number) s.get("confirmed")).intValue()).isGreaterThanOrEqualTo(1);
                    assertThat(((Number) s.get("waitlisted")).intValue()).isGreaterThanOrEqualTo(2);
                });
        given().header("Authorization", TestTokens.citizen(Fixtures.registeredCitizen("AUS")))
                .queryParam("from", "2026-01-01").queryParam("to", "2026-12-31")
                .get("/workshops/statistics").then().statusCode(403);
    }
}
