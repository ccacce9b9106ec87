package mx.gob.sre.consular.queue;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import mx.gob.sre.consular.Fixtures;
import mx.gob.sre.testsupport.SuiteInfrastructure;
import mx.gob.sre.testsupport.TestKafka;
import mx.gob.sre.testsupport.TestTokens;

@QuarkusTest
@WithTestResource(value = SuiteInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "consular"))
class QueueTest {

    static final String OFFICER = TestTokens.staff("consular-officer", "SJC");

    /** An appointment for today, inserted directly: the booking API refuses slots that start too soon. */
    static UUID appointmentToday(String curp, String service) throws Exception {
        UUID id = UUID.randomUUID();
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).withSecond(0).withNano(0);
        LocalDate todayInSanJose = LocalDate.now(ZoneId.of("America/Los_Angeles"));
        if (!LocalDate.ofInstant(start.toInstant(), ZoneId.of("America/Los_Angeles")).equals(todayInSanJose)) {
            throw new IllegalStateException("clock moved");
        }
        Fixtures.update("""
                INSERT INTO slot (consulate_code, procedure_code, starts_at, capacity, booked)
                VALUES ('SJC', ?, ?, 4, 1) ON CONFLICT DO NOTHING""", service, start);
        Fixtures.update("""
                INSERT INTO appointment (id, citizen_id, curp, consulate_code, procedure_code, starts_at, ends_at,
                                         status, channel, booked_by, created_at, updated_at)
                SELECT ?, id, curp, 'SJC', ?, ?, ?, 'BOOKED', 'WEB', 'test', now(), now()
                FROM citizen WHERE curp = ?""", id, service, start, start.plusMinutes(20), curp);
        return id;
    }

    static String checkInWalkIn(String service, String curp) {
        return given().header("Authorization", OFFICER).contentType(ContentType.JSON)
                .body("{\"service\":\"" + service + "\",\"curp\":\"" + curp + "\"}")
                .post("/consulates/SJC/tickets").then().statusCode(201).extract().path("id");
    }

    static void callAndServe(String ticket) {
        given().header("Authorization", OFFICER).contentType(ContentType.JSON).body("{\"counter\":\"Window 2\"}")
                .post("/tickets/" + ticket + "/call").then().statusCode(200).body("status", equalTo("CALLED"));
        given().header("Authorization", OFFICER).post("/tickets/" + ticket + "/serve")
                .then().statusCode(200).body("status", equalTo("SERVING"));
    }

    static String voterCardVerification(LocalDate proofOfAddress, boolean verified) {
        return """
                {"outcome":"RESOLVED","identityVerification":{"documentsVerified":%s,
                  "proofOfNationality":{"type":"BIRTH_CERTIFICATE"},
                  "proofOfAddressIssuedOn":"%s","addressInDistrict":true,
                  "biometrics":{"fingerprints":"urn:sre:biometrics:SJC:2026:77:fp",
                                "photo":"urn:sre:biometrics:SJC:2026:77:photo",
                                "signature":"urn:sre:biometrics:SJC:2026:77:sig"}}}""".formatted(verified, proofOfAddress);
    }

    @Test
    void shouldServeAppointmentsAndWalkInsInOneQueueRecordingEachStep() throws Exception {
        String withAppointment = Fixtures.registeredCitizen("SJC");
        UUID appointment = appointmentToday(withAppointment, "PASSPORT");
        String first = given().header("Authorization", OFFICER).contentType(ContentType.JSON)
                .body("{\"appointmentId\":\"" + appointment + "\"}")
                .post("/consulates/SJC/tickets").then().statusCode(201)
                .body("kind", equalTo("APPOINTMENT")).body("number", matchesPattern("A-\\d{3}"))
                .body("status", equalTo("WAITING")).extract().path("id");
        given().header("Authorization", OFFICER).contentType(ContentType.JSON)
                .body("{\"appointmentId\":\"" + appointment + "\"}")
                .post("/consulates/SJC/tickets").then().statusCode(409);
        String walkIn = checkInWalkIn("MATRICULA", Fixtures.registeredCitizen("SJC"));

        given().header("Authorization", OFFICER).get("/consulates/SJC/queue")
                .then().statusCode(200).body("id", hasItems(first, walkIn));
        given().header("Authorization", TestTokens.staff("consular-officer", "CHI")).get("/consulates/SJC/queue")
                .then().statusCode(403);

        callAndServe(first);
        given().header("Authorization", OFFICER).contentType(ContentType.JSON).body("{\"outcome\":\"RESOLVED\"}")
                .post("/tickets/" + first + "/complete").then().statusCode(200)
                .body("status", equalTo("COMPLETED")).body("outcome", equalTo("RESOLVED"))
                .body("calledAt", notNullValue()).body("servingStartedAt", notNullValue())
                .body("completedAt", notNullValue()).body("waitMinutes", notNullValue());
        String caseId = given().header("Authorization", TestTokens.citizen(withAppointment)).get("/tickets/" + first)
                .then().statusCode(200).extract().path("procedureCaseId");
        given().header("Authorization", TestTokens.citizen(withAppointment)).get("/procedure-cases/" + caseId)
                .then().statusCode(200).body("status", equalTo("RESOLVED")).body("withinLimit", equalTo(true));
        given().header("Authorization", OFFICER).get("/appointments/" + appointment)
                .then().statusCode(200).body("status", equalTo("COMPLETED"));

        given().header("Authorization", OFFICER).post("/tickets/" + walkIn + "/serve").then().statusCode(409);
        callAndServe(walkIn);
        given().header("Authorization", OFFICER).contentType(ContentType.JSON).body("{\"outcome\":\"INFO_REQUESTED\"}")
                .post("/tickets/" + walkIn + "/complete").then().statusCode(400)
                .body("errors[0].field", equalTo("missingInformation"));
        String walkInCase = given().header("Authorization", OFFICER).contentType(ContentType.JSON)
                .body("{\"outcome\":\"INFO_REQUESTED\",\"missingInformation\":\"Proof of address\"}")
                .post("/tickets/" + walkIn + "/complete").then().statusCode(200).extract().path("procedureCaseId");
        given().header("Authorization", OFFICER).get("/procedure-cases/" + walkInCase)
                .then().statusCode(200).body("status", equalTo("WAITING_INFO"));
        given().header("Authorization", OFFICER).post("/procedure-cases/" + walkInCase + "/resolve")
                .then().statusCode(200).body("status", equalTo("RESOLVED")).body("withinLimit", equalTo(true));
    }

    @Test
    void shouldPublishIdentityVerifiedWithBiometricReferencesOnly() throws Exception {
        String curp = Fixtures.registeredCitizen("SJC");
        String ticket = checkInWalkIn("VOTER_CARD", curp);
        callAndServe(ticket);
        LocalDate today = LocalDate.now(ZoneId.of("America/Los_Angeles"));

        given().header("Authorization", OFFICER).contentType(ContentType.JSON).body("{\"outcome\":\"RESOLVED\"}")
                .post("/tickets/" + ticket + "/complete").then().statusCode(400)
                .body("errors[0].field", equalTo("identityVerification"));
        given().header("Authorization", OFFICER).contentType(ContentType.JSON)
                .body(voterCardVerification(today.minusMonths(4), true))
                .post("/tickets/" + ticket + "/complete").then().statusCode(422)
                .body("rule", equalTo("proof-of-address-too-old"));
        given().header("Authorization", OFFICER).contentType(ContentType.JSON)
                .body(voterCardVerification(today.minusDays(10), false))
                .post("/tickets/" + ticket + "/complete").then().statusCode(422)
                .body("rule", equalTo("documents-not-verified"));
        given().header("Authorization", OFFICER).contentType(ContentType.JSON)
                .body(voterCardVerification(today.minusDays(10), true))
                .post("/tickets/" + ticket + "/complete").then().statusCode(200);

        ConsumerRecord<String, String> event = TestKafka.awaitRecord(IdentityEvents.TOPIC, Duration.ofSeconds(30),
                record -> record.value().contains(curp));
        assertThat(TestKafka.header(event, "ce_type")).isEqualTo(IdentityEvents.VERIFIED_V1);
        assertThat(event.value())
                .contains("\"nationalityProof\":\"BIRTH_CERTIFICATE\"")
                .contains("\"nationalityProofState\":\"JC\"")
                .contains("urn:sre:biometrics:SJC:2026:77:fp")
                .contains("\"consulate\":\"SJC\"")
                .doesNotContain("minutiae").doesNotContain("base64");
    }

    @Test
    void shouldTakeOneSurveyPerCompletedVisit() throws Exception {
        String curp = Fixtures.registeredCitizen("SJC");
        String ticket = checkInWalkIn("CERTIFICATE", curp);
        String answers = "{\"punctuality\":5,\"duration\":4,\"courtesy\":5,\"competence\":5,\"overall\":5}";
        given().header("Authorization", TestTokens.citizen(curp)).contentType(ContentType.JSON).body(answers)
                .post("/tickets/" + ticket + "/survey").then().statusCode(409);
        callAndServe(ticket);
        given().header("Authorization", OFFICER).contentType(ContentType.JSON).body("{\"outcome\":\"RESOLVED\"}")
                .post("/tickets/" + ticket + "/complete").then().statusCode(200);

        given().header("Authorization", TestTokens.citizen(Fixtures.registeredCitizen("SJC")))
                .contentType(ContentType.JSON).body(answers)
                .post("/tickets/" + ticket + "/survey").then().statusCode(404);
        given().header("Authorization", TestTokens.citizen(curp)).contentType(ContentType.JSON)
                .body(answers.replace("\"overall\":5", "\"overall\":6"))
                .post("/tickets/" + ticket + "/survey").then().statusCode(400)
                .body("errors[0].field", equalTo("overall"));
        given().header("Authorization", TestTokens.citizen(curp)).contentType(ContentType.JSON).body(answers)
                .post("/tickets/" + ticket + "/survey").then().statusCode(204);
        given().header("Authorization", TestTokens.citizen(curp)).contentType(ContentType.JSON).body(answers)
                .post("/tickets/" + ticket + "/survey").then().statusCode(409);
    }
}
