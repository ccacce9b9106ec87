package mx.gob.sre.consular;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import mx.gob.sre.testsupport.SuiteInfrastructure;
import mx.gob.sre.testsupport.TestTokens;

/**
 * Walks docs/consular-access-matrix.md: every operation with every persona, against objects made for
 * the walk. The table is the specification.
 */
@QuarkusTest
@WithTestResource(value = SuiteInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "consular"))
class ConsularAccessMatrixTest {

    static final String OFFICER = TestTokens.staff("consular-officer", "SJC");

    @Test
    void shouldAnswerEveryCellOfTheDocumentedMatrix() throws Exception {
        String citizen = Fixtures.registeredCitizen("SJC");
        Map<String, String> personas = new LinkedHashMap<>();
        personas.put("citizen", TestTokens.citizen(citizen));
        personas.put("other citizen", TestTokens.citizen(Fixtures.registeredCitizen("SJC")));
        personas.put("consular officer", OFFICER);
        personas.put("officer CHI", TestTokens.staff("consular-officer", "CHI"));
        personas.put("protection officer", TestTokens.staff("protection-officer", "SJC"));
        personas.put("supervisor", TestTokens.staff("consulate-supervisor", "SJC"));
        personas.put("ime committee", TestTokens.token().subject("committee").roles("ime-committee-member").bearer());
        personas.put("institution", TestTokens.client("evergreen", "institution", "scholarships:read"));
        personas.put("support partner", TestTokens.client("casa-refugio", "support-partner", "consular:read"));
        personas.put("ine", TestTokens.client("ine", "ine", "voter:ine"));
        personas.put("mobile backend", TestTokens.client("mobile-backend", "mobile-backend", "consular:read"));
        personas.put("admin", TestTokens.token().subject("admin").roles("admin").bearer());

        Iterator<String> slots = freeSlots(40).iterator();
        String citizenToken = personas.get("citizen");
        String appointment = given().header("Authorization", citizenToken).contentType(ContentType.JSON)
                .body(booking(citizen, slots.next())).post("/appointments").then().statusCode(201).extract().path("id");
        String ticket = given().header("Authorization", OFFICER).contentType(ContentType.JSON)
                .body("{\"service\":\"MATRICULA\",\"curp\":\"" + citizen + "\"}")
                .post("/consulates/SJC/tickets").then().statusCode(201).extract().path("id");
        given().header("Authorization", OFFICER).contentType(ContentType.JSON).body("{\"counter\":\"1\"}")
                .post("/tickets/" + ticket + "/call").then().statusCode(200);
        given().header("Authorization", OFFICER).post("/tickets/" + ticket + "/serve").then().statusCode(200);
        String procedure = given().header("Authorization", OFFICER).contentType(ContentType.JSON)
                .body("{\"outcome\":\"RESOLVED\"}").post("/tickets/" + ticket + "/complete")
                .then().statusCode(200).extract().path("procedureCaseId");
        String protectionCase = given().header("Authorization", personas.get("protection officer"))
                .contentType(ContentType.JSON).body(protectionCase()).post("/protection-cases")
                .then().statusCode(201).extract().path("summary.id");
        String workshop = given().header("Authorization", OFFICER).contentType(ContentType.JSON).body(workshop())
                .post("/workshops").then().statusCode(201).extract().path("id");

        Map<String, String> objects = Map.of("{citizen}", citizen, "{appointment}", appointment, "{ticket}", ticket,
                "{procedure}", procedure, "{protection-case}", protectionCase, "{workshop}", workshop,
                "{today}", LocalDate.now(ZoneId.of("America/Los_Angeles")).toString());
        Map<String, Supplier<String>> bodies = Map.of(
                "PATCH /citizens/{citizen}", () -> "{\"contact\":{\"email\":\"matrix@example.org\"}}",
                "POST /citizens/{citizen}/arco-requests", () -> "{\"type\":\"ACCESS\"}",
                "POST /appointments", () -> booking(citizen, slots.next()),
                "POST /consulates/SJC/tickets", () -> "{\"service\":\"MATRICULA\"}",
                "POST /protection-cases", ConsularAccessMatrixTest::protectionCase,
                "POST /workshops", ConsularAccessMatrixTest::workshop,
                "POST /workshops/{workshop}/registrations", () -> "{\"guestName\":\"Guest\"}");

        List<String> lines = Files.readAllLines(Path.of("../docs/consular-access-matrix.md"));
        List<String> header = null;
        List<String> mismatches = new ArrayList<>();
        int cells = 0;
        for (String line : lines) {
            if (!line.startsWith("|") || line.startsWith("|---")) {
                continue;
            }
            List<String> columns = Arrays.stream(line.substring(1, line.lastIndexOf('|')).split("\\|"))
                    .map(String::trim).toList();
            if (header == null) {
                header = columns;
                continue;
            }
            String operation = columns.get(0).replace("`", "");
            String[] parts = operation.split(" ", 2);
            String path = parts[1];
            for (Map.Entry<String, String> object : objects.entrySet()) {
                path = path.replace(object.getKey(), object.getValue());
            }
            for (int i = 1; i < columns.size(); i++) {
                String persona = header.get(i);
                int expected = Integer.parseInt(columns.get(i));
                RequestSpecification request = given().header("Authorization", personas.get(persona));
                Supplier<String> body = bodies.get(operation);
                if (body != null) {
                    request.contentType(ContentType.JSON).body(body.get());
                }
                Response response = request.request(parts[0], path);
                cells++;
                if (response.statusCode() != expected) {
                    mismatches.add(operation + " as " + persona + ": expected " + expected + ", got "
                            + response.statusCode() + " " + response.asString());
                } else if (expected >= 400) {
                    assertThat(response.contentType()).startsWith("application/problem+json");
                }
            }
        }
        assertThat(cells).isGreaterThanOrEqualTo(24 * 12);
        assertThat(mismatches).isEmpty();
    }

    static List<String> freeSlots(int count) {
        LocalDate from = LocalDate.now().plusDays(3);
        List<String> starts = new ArrayList<>();
        for (int week = 0; starts.size() < count && week < 8; week++) {
            List<Map<String, Object>> slots = given().header("Authorization", OFFICER)
                    .queryParam("service", "CERTIFICATE").queryParam("from", from.plusDays(7L * week).toString())
                    .queryParam("to", from.plusDays(7L * week + 6).toString())
                    .get("/consulates/SJC/availability").then().statusCode(200).extract().jsonPath().getList("slots");
            for (Map<String, Object> slot : slots) {
                if ((Integer) slot.get("remaining") == (Integer) slot.get("capacity") && starts.size() < count) {
                    starts.add((String) slot.get("startsAt"));
                }
            }
        }
        return starts;
    }

    static String booking(String curp, String start) {
        return "{\"consulate\":\"SJC\",\"service\":\"CERTIFICATE\",\"startsAt\":\"" + start + "\",\"curp\":\"" + curp
                + "\"}";
    }

    static String protectionCase() {
        return """
                {"channel":"OFFICE","firstAttentionAt":"%s","violenceTypes":["PHYSICAL"],"riskLevel":"MEDIUM",
                 "survivor":{"fullName":"Matrix Survivor"},"narrative":"First attention.",
                 "safeContact":{"instructions":"Text first","preferredChannel":"SMS"}}"""
                .formatted(Instant.now().minusSeconds(600));
    }

    static String workshop() {
        Instant start = Instant.now().plus(20, ChronoUnit.DAYS);
        return """
                {"title":"Taller","topic":"GENDER_EQUALITY","city":"San Jose","venue":"Consulado","language":"Spanish",
                 "startsAt":"%s","endsAt":"%s","capacity":50}""".formatted(start, start.plus(2, ChronoUnit.HOURS));
    }
}
