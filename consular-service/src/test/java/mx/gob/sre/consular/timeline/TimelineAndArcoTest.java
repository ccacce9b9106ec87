package mx.gob.sre.consular.timeline;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import mx.gob.sre.consular.Fixtures;
import mx.gob.sre.testsupport.SuiteInfrastructure;
import mx.gob.sre.testsupport.TestKafka;
import mx.gob.sre.testsupport.TestTokens;

@QuarkusTest
@WithTestResource(value = SuiteInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "consular"))
class TimelineAndArcoTest {

    @Test
    void shouldShowProceduresFromAcrossTheSuiteNewestFirstAndPaged() {
        String curp = Fixtures.registeredCitizen("SJC");
        String token = TestTokens.citizen(curp);
        UUID application = UUID.randomUUID();
        String eventId = TestKafka.sendCloudEvent("voter.applications", application.toString(),
                "voter.application.status-changed.v1", """
                        {"applicationId":"%s","folio":"SJC-2026-000042","curp":"%s","status":"IN_PRODUCTION",
                         "consulate":"SJC","occurredAt":"%s"}""".formatted(application, curp, Instant.now()));
        TestKafka.sendCloudEvent("voter.applications", application.toString(), "voter.application.status-changed.v1",
                """
                        {"applicationId":"%s","folio":"SJC-2026-000042","curp":"%s","status":"IN_PRODUCTION",
                         "consulate":"SJC","occurredAt":"%s"}""".formatted(application, curp, Instant.now()), eventId);
        TestKafka.sendCloudEvent("scholarship.contest", UUID.randomUUID().toString(),
                "scholarship.contest.entry-awarded.v1", """
                        {"contestId":"%s","entryId":"%s","contestTitle":"Este es mi México 2026","category":"6-9",
                         "placement":"WINNER","guardianCurp":"%s","occurredAt":"%s"}"""
                        .formatted(UUID.randomUUID(), UUID.randomUUID(), curp, Instant.now().plusSeconds(1)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().header("Authorization", token).get("/citizens/" + curp + "/timeline")
                        .then().statusCode(200).body("entries.kind", hasItem("voter-card.in-production"))
                        .body("entries.kind", hasItem("contest.winner")));

        JsonPath all = given().header("Authorization", token).queryParam("limit", 100)
                .get("/citizens/" + curp + "/timeline").then().statusCode(200).extract().jsonPath();
        List<String> kinds = all.getList("entries.kind");
        assertThat(kinds).containsOnlyOnce("voter-card.in-production").contains("citizen.registered");
        List<String> times = all.getList("entries.occurredAt");
        assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());

        JsonPath first = given().header("Authorization", token).queryParam("limit", 1)
                .get("/citizens/" + curp + "/timeline").then().statusCode(200).extract().jsonPath();
        assertThat(first.getList("entries")).hasSize(1);
        String cursor = first.getString("nextCursor");
        JsonPath second = given().header("Authorization", token).queryParam("limit", 1).queryParam("cursor", cursor)
                .get("/citizens/" + curp + "/timeline").then().statusCode(200).extract().jsonPath();
        assertThat(second.getString("entries[0].id")).isNotEqualTo(first.getString("entries[0].id"));
        assertThat(second.getString("entries[0].id")).isEqualTo(all.getString("entries[1].id"));

        given().header("Authorization", TestTokens.citizen(Fixtures.registeredCitizen("SJC")))
                .get("/citizens/" + curp + "/timeline").then().statusCode(404);
        given().header("Authorization", TestTokens.staff("consular-officer", "SJC"))
                .get("/citizens/" + curp + "/timeline").then().statusCode(200);
        given().header("Authorization", token).queryParam("cursor", "garbage!")
                .get("/citizens/" + curp + "/timeline").then().statusCode(400);
    }

    @Test
    void shouldTrackArcoRequestsAgainstTheDeadlineAndExportEverything() {
        String curp = Fixtures.registeredCitizen("SJC");
        String token = TestTokens.citizen(curp);
        given().header("Authorization", token).contentType(ContentType.JSON)
                .body("{\"contact\":{\"email\":\"new@example.org\",\"phone\":\"+14085550000\"}}")
                .patch("/citizens/" + curp).then().statusCode(200).body("contact.email", equalTo("new@example.org"));
        given().header("Authorization", token).contentType(ContentType.JSON).body("{\"givenNames\":\"Someone\"}")
                .patch("/citizens/" + curp).then().statusCode(403);

        Map<String, Object> filed = given().header("Authorization", token).contentType(ContentType.JSON)
                .body("{\"type\":\"ACCESS\",\"details\":\"Everything you hold on me\"}")
                .post("/citizens/" + curp + "/arco-requests").then().statusCode(201)
                .body("status", equalTo("RECEIVED")).body("overdue", equalTo(false))
                .extract().jsonPath().getMap("$");
        java.time.LocalDate due = java.time.LocalDate.parse((String) filed.get("dueOn"));
        assertThat(due).isAfterOrEqualTo(java.time.LocalDate.now().plusDays(26));

        JsonPath export = given().header("Authorization", token)
                .get("/citizens/" + curp + "/arco-requests/" + filed.get("id") + "/export")
                .then().statusCode(200).extract().jsonPath();
        assertThat(export.getString("consular.citizen[0].email")).isEqualTo("new@example.org");
        assertThat(export.getList("consular.timeline")).isNotEmpty();
        assertThat(export.getList("consular.arcoRequests")).hasSize(1);
        assertThat(export.getMap("voter")).containsKey("available");

        given().header("Authorization", TestTokens.citizen(Fixtures.registeredCitizen("SJC")))
                .get("/citizens/" + curp + "/arco-requests/" + filed.get("id") + "/export").then().statusCode(404);
        given().header("Authorization", token).contentType(ContentType.JSON)
                .body("{\"status\":\"ANSWERED\",\"answer\":\"Export delivered\"}")
                .post("/citizens/" + curp + "/arco-requests/" + filed.get("id") + "/answer").then().statusCode(403);
        given().header("Authorization", TestTokens.staff("consular-officer", "SJC")).contentType(ContentType.JSON)
                .body("{\"status\":\"ANSWERED\",\"answer\":\"Export delivered\"}")
                .post("/citizens/" + curp + "/arco-requests/" + filed.get("id") + "/answer").then().statusCode(200)
                .body("status", equalTo("ANSWERED"));
    }
}
