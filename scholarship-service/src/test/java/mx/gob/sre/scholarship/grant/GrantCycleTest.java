package mx.gob.sre.scholarship.grant;

import static io.restassured.RestAssured.given;
import static mx.gob.sre.scholarship.Fixtures.IME;
import static mx.gob.sre.scholarship.Fixtures.PDF;
import static mx.gob.sre.scholarship.Fixtures.PNG;
import static mx.gob.sre.scholarship.Fixtures.apply;
import static mx.gob.sre.scholarship.Fixtures.institutionClient;
import static mx.gob.sre.scholarship.Fixtures.member;
import static mx.gob.sre.scholarship.Fixtures.score;
import static mx.gob.sre.scholarship.Fixtures.supervisor;
import static mx.gob.sre.scholarship.Fixtures.verifiedInstitution;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import mx.gob.sre.scholarship.Fixtures;
import mx.gob.sre.testsupport.SuiteInfrastructure;
import mx.gob.sre.testsupport.TestCurps;
import mx.gob.sre.testsupport.TestKafka;

/** IME-Becas from the call to the cycle's report, against the real PostgreSQL and Kafka. */
@QuarkusTest
@WithTestResource(value = SuiteInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "scholarship"))
class GrantCycleTest {

    static final String ANA = member("ana@sjc", "SJC");
    static final String BRUNO = member("bruno@sjc", "SJC");
    static final String CARLA = member("carla@sjc", "SJC");

    @Inject
    EntityManager em;

    @Test
    void shouldRunTheWholeCycleFromCallToReport() {
        String contactCurp = TestCurps.random();
        String evergreen = institutionClient("evergreen-college");
        String valley = institutionClient("valley-college");
        String ngo = institutionClient("plaza-comunitaria");
        String other = institutionClient("hill-college");
        String a = verifiedInstitution(evergreen, "SJC", "Evergreen Valley College", contactCurp);
        String b = verifiedInstitution(valley, "SJC", "San José City College", null);
        String c = verifiedInstitution(ngo, "SJC", "Plaza Comunitaria San José", null);
        String d = verifiedInstitution(other, "SJC", "Hill Community College", null);
        String call = Fixtures.openCall("SJC", 2030, 1_500_000, 3_000_000,
                List.of("ana@sjc", "bruno@sjc", "carla@sjc"));
        given().header("Authorization", supervisor("SJC")).get("/calls?consulate=SJC&status=OPEN").then()
                .statusCode(200).body("id", hasItem(call));

        // The 80% rule and every other failed rule are named at application time.
        apply(evergreen, call, a, "HIGHER_EDUCATION", 4_000_000, 40, 79.5).then().statusCode(422)
                .contentType(containsString("application/problem+json"))
                .body("errors.field", containsInAnyOrder("lowIncomeSharePct", "amountRequestedCents"))
                .body("errors.message", hasItem(containsString("rule low-income-share")))
                .body("errors.message", hasItem(containsString("rule category-cap")));
        String appA = apply(evergreen, call, a, "HIGHER_EDUCATION", 2_000_000, 40, 90).then().statusCode(201)
                .body("status", equalTo("SUBMITTED")).extract().path("id");
        String appB = apply(valley, call, b, "HIGHER_EDUCATION", 1_600_000, 32, 85).then().statusCode(201)
                .extract().path("id");
        String appC = apply(ngo, call, c, "ADULT_EDUCATION", 1_200_000, 40, 100).then().statusCode(201)
                .extract().path("id");
        String appD = apply(other, call, d, "HIGHER_EDUCATION", 500_000, 10, 95).then().statusCode(201)
                .extract().path("id");
        apply(evergreen, call, a, "HIGHER_EDUCATION", 2_000_000, 40, 90).then().statusCode(409);
        apply(valley, call, a, "ADULT_EDUCATION", 1_000_000, 40, 90).then().statusCode(404);

        // Attachments are PDF by their bytes, and of a kind the call requires.
        upload(evergreen, "/uploads/applications/" + appA + "/attachments?kind=budget&filename=budget.pdf", PDF)
                .then().statusCode(201).body("contentType", equalTo("application/pdf"));
        upload(evergreen, "/uploads/applications/" + appA + "/attachments?kind=budget&filename=budget.pdf", PNG)
                .then().statusCode(415).body("type", containsString("unsupported-content"));
        upload(evergreen, "/uploads/applications/" + appA + "/attachments?kind=selfie", PDF).then().statusCode(400);
        upload(valley, "/uploads/applications/" + appA + "/attachments?kind=budget", PDF).then().statusCode(404);
        given().header("Authorization", evergreen).get("/applications/" + appA).then().statusCode(200)
                .body("attachments", hasItem("budget:budget.pdf"));
        given().header("Authorization", valley).get("/calls/" + call + "/applications").then().statusCode(200)
                .body("id", equalTo(List.of(appB)));

        // A conflicted member cannot score; scores stay hidden until every eligible member has scored.
        given().header("Authorization", BRUNO).contentType(ContentType.JSON)
                .body(Map.of("institutionId", d, "reason", "I sit on its board"))
                .post("/calls/" + call + "/conflicts").then().statusCode(204);
        given().header("Authorization", BRUNO).contentType(ContentType.JSON)
                .body(Map.of("criteria", Map.of("community-impact", 10, "feasibility", 10, "matching-funds", 10)))
                .put("/applications/" + appD + "/scores/mine").then().statusCode(403)
                .body("rule", equalTo("conflict-of-interest"));
        given().header("Authorization", member("dora@sjc", "SJC")).contentType(ContentType.JSON)
                .body(Map.of("criteria", Map.of("community-impact", 10, "feasibility", 10, "matching-funds", 10)))
                .put("/applications/" + appA + "/scores/mine").then().statusCode(404);
        score(ANA, appA, 9, 9, 9);
        score(CARLA, appA, 9, 9, 9);
        given().header("Authorization", ANA).get("/calls/" + call + "/ranking").then().statusCode(200)
                .body("complete", equalTo(false))
                .body("applications.find { it.applicationId == '" + appA + "' }.averageScore", nullValue());
        score(BRUNO, appA, 9, 9, 9);
        for (String member : List.of(ANA, BRUNO, CARLA)) {
            score(member, appB, 8, 8, 8);
            score(member, appC, 6, 6, 6);
        }
        score(ANA, appD, 7, 7, 7);
        given().header("Authorization", supervisor("SJC")).post("/calls/" + call + "/award-rounds").then()
                .statusCode(422).body("rule", equalTo("call-closed"));
        Fixtures.close(em, "call", call);
        given().header("Authorization", supervisor("SJC")).post("/calls/" + call + "/award-rounds").then()
                .statusCode(422).body("rule", equalTo("ranking-complete"));
        score(CARLA, appD, 7, 7, 7);
        JsonPath ranking = given().header("Authorization", ANA).get("/calls/" + call + "/ranking").then()
                .statusCode(200).body("complete", equalTo(true)).extract().jsonPath();
        assertThat(ranking.getList("applications.applicationId")).containsExactly(appA, appB, appD, appC);
        assertThat(ranking.getFloat("applications[0].averageScore")).isEqualTo(90.0f);
        assertThat(ranking.getInt("applications.find { it.applicationId == '" + appD + "' }.eligibleMembers"))
                .isEqualTo(2);
        given().header("Authorization", supervisor("LAX")).get("/calls/" + call + "/ranking").then().statusCode(404);

        // The round awards down the ranking: in full, partially by whole students, or to the waitlist.
        given().header("Authorization", supervisor("LAX")).post("/calls/" + call + "/award-rounds").then()
                .statusCode(404);
        JsonPath round = given().header("Authorization", supervisor("SJC")).header("Idempotency-Key", "round-1")
                .post("/calls/" + call + "/award-rounds").then().statusCode(200).extract().jsonPath();
        assertThat(round.getLong("awardedCents")).isEqualTo(2_000_000 + 1_000_000 + 1_200_000);
        assertThat(round.getList("awarded.applicationId")).containsExactly(appA, appB, appC);
        assertThat(round.getList("awarded.awardedCents", Long.class)).containsExactly(2_000_000L, 1_000_000L,
                1_200_000L);
        assertThat(round.getList("waitlisted.applicationId")).containsExactly(appD);
        given().header("Authorization", other).get("/applications/" + appD).then().statusCode(200)
                .body("status", equalTo("WAITLISTED")).body("waitlistPosition", equalTo(1));
        given().header("Authorization", valley).get("/applications/" + appB).then().statusCode(200)
                .body("status", equalTo("PARTIALLY_AWARDED")).body("awardedCents", equalTo(1_000_000));
        given().header("Authorization", supervisor("SJC")).header("Idempotency-Key", "round-1")
                .post("/calls/" + call + "/award-rounds").then().statusCode(200)
                .header("Idempotent-Replayed", "true");
        given().header("Authorization", supervisor("SJC")).post("/calls/" + call + "/award-rounds").then()
                .statusCode(200).body("awardedCents", equalTo(0)).body("waitlisted", hasSize(1));
        given().header("Authorization", ANA).contentType(ContentType.JSON)
                .body(Map.of("criteria", Map.of("community-impact", 10, "feasibility", 10, "matching-funds", 10)))
                .put("/applications/" + appD + "/scores/mine").then().statusCode(422)
                .body("rule", equalTo("scoring-open"));

        String awardA = given().header("Authorization", evergreen).get("/awards?cycle=2030").then().statusCode(200)
                .body("$", hasSize(1)).extract().path("[0].id");
        String awardB = given().header("Authorization", valley).get("/awards").then().statusCode(200)
                .extract().path("[0].id");
        given().header("Authorization", valley).get("/awards/" + awardA).then().statusCode(404);
        given().header("Authorization", supervisor("LAX")).get("/awards/" + awardA).then().statusCode(404);
        ConsumerRecord<String, String> awarded = TestKafka.awaitRecord(AwardEvents.TOPIC, Duration.ofSeconds(20),
                r -> awardA.equals(r.key()) && AwardEvents.AWARDED_V1.equals(TestKafka.header(r, "ce_type")));
        assertThat(awarded.value()).contains(contactCurp).contains("\"amountCents\":2000000")
                .contains("Evergreen Valley College");

        // No money before the papers; IME funds never past the award; matching funds booked apart.
        String payment = "{\"amountCents\":1000000,\"bookedOn\":\"%s\",\"reference\":\"TRF-2030-0001\"}"
                .formatted(LocalDate.now());
        given().header("Authorization", IME).contentType(ContentType.JSON).body(payment)
                .post("/awards/" + awardA + "/disbursements").then().statusCode(422)
                .body("rule", equalTo("papers-before-money"))
                .body("missing", containsInAnyOrder("signed MoU", "mou document", "bylaws document",
                        "receipt document"));
        upload(evergreen, "/uploads/awards/" + awardA + "/documents?kind=MOU&filename=mou.png", PNG).then()
                .statusCode(415);
        for (String kind : List.of("MOU", "BYLAWS", "RECEIPT")) {
            upload(evergreen, "/uploads/awards/" + awardA + "/documents?kind=" + kind, PDF).then().statusCode(201);
        }
        given().header("Authorization", IME).contentType(ContentType.JSON).body(payment)
                .post("/awards/" + awardA + "/disbursements").then().statusCode(422)
                .body("missing", equalTo(List.of("signed MoU")));
        given().header("Authorization", supervisor("SJC")).contentType(ContentType.JSON)
                .body("{\"signedOn\":\"%s\",\"signatory\":\"Cónsul de México en San José\"}".formatted(LocalDate.now()))
                .put("/awards/" + awardA + "/mou").then().statusCode(200)
                .body("documents", containsInAnyOrder("BYLAWS", "MOU", "RECEIPT"));
        given().header("Authorization", supervisor("SJC")).contentType(ContentType.JSON).body(payment)
                .post("/awards/" + awardA + "/disbursements").then().statusCode(403);
        given().header("Authorization", IME).header("Idempotency-Key", "pay-1").contentType(ContentType.JSON)
                .body(payment).post("/awards/" + awardA + "/disbursements").then().statusCode(201)
                .body("imeDisbursedCents", equalTo(1_000_000));
        given().header("Authorization", IME).header("Idempotency-Key", "pay-1").contentType(ContentType.JSON)
                .body(payment).post("/awards/" + awardA + "/disbursements").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("imeDisbursedCents", equalTo(1_000_000));
        given().header("Authorization", IME).contentType(ContentType.JSON)
                .body("{\"amountCents\":1000001,\"bookedOn\":\"%s\",\"reference\":\"TRF-2030-0002\"}"
                        .formatted(LocalDate.now()))
                .post("/awards/" + awardA + "/disbursements").then().statusCode(422)
                .body("rule", equalTo("within-award"));
        given().header("Authorization", supervisor("SJC")).contentType(ContentType.JSON)
                .body("{\"fund\":\"MATCHING\",\"amountCents\":500000,\"bookedOn\":\"%s\",\"reference\":\"EVC-MATCH-1\"}"
                        .formatted(LocalDate.now()))
                .post("/awards/" + awardA + "/disbursements").then().statusCode(201)
                .body("imeDisbursedCents", equalTo(1_000_000)).body("matchingReceivedCents", equalTo(500_000));
        ConsumerRecord<String, String> disbursed = TestKafka.awaitRecord(AwardEvents.TOPIC, Duration.ofSeconds(20),
                r -> awardA.equals(r.key()) && AwardEvents.DISBURSED_V1.equals(TestKafka.header(r, "ce_type")));
        assertThat(disbursed.value()).contains("\"status\":\"DISBURSED\"").contains("\"amountCents\":1000000");
        assertThat(TestKafka.readAll(AwardEvents.TOPIC, Duration.ofSeconds(2)).stream()
                .filter(r -> awardA.equals(r.key()) && AwardEvents.DISBURSED_V1.equals(TestKafka.header(r, "ce_type"))))
                .hasSize(1);

        // Beneficiary reports: counts only; under 80% is recorded and flags the award.
        given().header("Authorization", evergreen).contentType(ContentType.JSON)
                .body(report(38, 35, 1_000_000, 900_000)).post("/awards/" + awardA + "/beneficiary-reports").then()
                .statusCode(201).body("compliant", equalTo(true)).body("lowIncomeSharePct", equalTo(90.0f));
        given().header("Authorization", valley).contentType(ContentType.JSON)
                .body(report(20, 12, 1_000_000, 700_000)).post("/awards/" + awardB + "/beneficiary-reports").then()
                .statusCode(201).body("compliant", equalTo(false)).body("lowIncomeSharePct", equalTo(70.0f));
        given().header("Authorization", valley).get("/awards/" + awardB).then().statusCode(200)
                .body("nonCompliant", equalTo(true));
        given().header("Authorization", evergreen).contentType(ContentType.JSON)
                .body(report(20, 12, 1_000_000, 700_000)).post("/awards/" + awardB + "/beneficiary-reports").then()
                .statusCode(404);

        // The cycle's report: IME sees every consulate, a supervisor their own.
        JsonPath report = given().header("Authorization", IME).get("/cycles/2030/report").then().statusCode(200)
                .extract().jsonPath();
        assertThat(report.getLong("total.awardedCents")).isEqualTo(4_200_000);
        assertThat(report.getLong("total.disbursedCents")).isEqualTo(1_000_000);
        assertThat(report.getLong("total.matchingCents")).isEqualTo(500_000);
        assertThat(report.getLong("total.studentsPlanned")).isEqualTo(40 + 32 + 40);
        assertThat(report.getLong("total.studentsServed")).isEqualTo(38 + 20);
        assertThat(report.getLong("total.nonCompliant")).isEqualTo(1);
        assertThat(report.getList("byConsulate.key")).containsExactly("SJC");
        assertThat(report.getLong("byCategory.find { it.key == 'HIGHER_EDUCATION' }.awardedCents"))
                .isEqualTo(3_000_000);
        assertThat(report.getLong("byCategory.find { it.key == 'ADULT_EDUCATION' }.awards")).isEqualTo(1);
        assertThat(report.getList("byInstitution.key")).contains("Evergreen Valley College (SJC)");
        given().header("Authorization", supervisor("LAX")).get("/cycles/2030/report").then().statusCode(200)
                .body("total.awards", equalTo(0));
        given().header("Authorization", evergreen).get("/cycles/2030/report").then().statusCode(403);
    }

    @Test
    void shouldKeepUnverifiedInstitutionsAndOtherJurisdictionsOut() {
        String client = institutionClient("lakeside-college");
        String id = given().header("Authorization", client).contentType(ContentType.JSON).body("""
                {"legalName":"Lakeside College","taxId":"94-7654321","type":"UNIVERSITY","consulate":"SJC",
                 "contacts":[{"name":"Luis Peña","email":"luis@lakeside.example.edu"}]}""")
                .post("/institutions").then().statusCode(201).extract().path("id");
        given().header("Authorization", supervisor("LAX")).contentType(ContentType.JSON)
                .body("{\"decision\":\"VERIFIED\"}").post("/institutions/" + id + "/verification").then()
                .statusCode(404);
        given().header("Authorization", institutionClient("someone-else")).get("/institutions/" + id).then()
                .statusCode(404);
        String call = given().header("Authorization", IME).get("/calls?consulate=SJC").then().statusCode(200)
                .extract().path("[0].id");
        if (call != null) {
            apply(client, call, id, "HIGHER_EDUCATION", 100_000, 2, 90).then().statusCode(422)
                    .body("errors.message", hasItem(containsString("rule institution-verified")));
        }
        given().header("Authorization", client).contentType(ContentType.JSON).body("""
                {"legalName":"Lakeside College","taxId":"94-7654321","type":"UNIVERSITY","consulate":"SJC",
                 "contacts":[{"name":"Luis Peña","email":"luis@lakeside.example.edu"}]}""")
                .post("/institutions").then().statusCode(409);
        given().header("Authorization", client).contentType(ContentType.JSON).body("""
                {"legalName":"","taxId":"x","type":"CASTLE","consulate":"sjc","contacts":[]}""")
                .post("/institutions").then().statusCode(400)
                .contentType(containsString("application/problem+json"));
    }

    static String report(int served, int lowIncome, long used, long toLowIncome) {
        return """
                {"period":"2030-fall","studentsServed":%d,"lowIncomeStudents":%d,"fundsUsedCents":%d,
                 "fundsToLowIncomeCents":%d}""".formatted(served, lowIncome, used, toLowIncome);
    }

    static io.restassured.response.Response upload(String token, String path, byte[] body) {
        return given().header("Authorization", token).contentType("application/pdf").body(body).post(path);
    }
}
