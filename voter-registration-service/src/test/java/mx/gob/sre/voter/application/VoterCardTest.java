package mx.gob.sre.voter.application;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import mx.gob.sre.testsupport.SuiteInfrastructure;
import mx.gob.sre.testsupport.TestCurps;
import mx.gob.sre.testsupport.TestKafka;
import mx.gob.sre.testsupport.TestTokens;
import mx.gob.sre.voter.IneStub;
import mx.gob.sre.voter.ine.IneSignature;

@QuarkusTest
@WithTestResource(value = SuiteInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "voter"))
@WithTestResource(IneStub.class)
class VoterCardTest {

    static final String INE = TestTokens.client("ine", "ine", "voter:ine", "voter:read");
    static final String OFFICER = TestTokens.staff("consular-officer", "SJC");

    @Inject
    ApplicationSweeps sweeps;

    @Inject
    IdentityVerifiedConsumer verifications;

    /** The calendar day of the voter service (Mexico City): near midnight UTC it is not the machine's. */
    static LocalDate today() {
        return LocalDate.now(ApplicationService.MEXICO_CITY);
    }

    static String verification(String curp, LocalDate proofOfAddress) {
        var parsed = mx.gob.sre.platform.curp.Curp.parse(curp);
        return """
                {"verificationId":"%s","ticketId":"%s","citizenId":"%s","curp":"%s","givenNames":"Gloria",
                 "firstSurname":"Hernández","secondSurname":"García","dateOfBirth":"%s","sex":"%s",
                 "nationalityProof":"BIRTH_CERTIFICATE","nationalityProofState":null,
                 "addressAbroad":{"line1":"1200 Story Rd","city":"San Jose","region":"CA","postalCode":"95122","country":"US"},
                 "proofOfAddressIssuedOn":"%s","consulate":"SJC",
                 "biometrics":{"fingerprints":"urn:sre:biometrics:SJC:2026:1:fp","photo":"urn:sre:biometrics:SJC:2026:1:photo",
                               "signature":"urn:sre:biometrics:SJC:2026:1:sig"},
                 "verifiedAt":"%s"}""".formatted(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), curp,
                parsed.birthDate(), parsed.sex(), proofOfAddress, Instant.now());
    }

    static String capture(String curp, LocalDate proofOfAddress) {
        var parsed = mx.gob.sre.platform.curp.Curp.parse(curp);
        return """
                {"curp":"%s","givenNames":"Carmen","firstSurname":"Pérez","dateOfBirth":"%s","sex":"%s",
                 "nationalityProof":"BIRTH_CERTIFICATE",
                 "addressAbroad":{"line1":"55 W Santa Clara St","city":"San Jose","country":"US"},
                 "proofOfAddressIssuedOn":"%s","addressInDistrict":true,"documentsVerified":true,
                 "biometrics":{"fingerprints":"urn:sre:biometrics:SJC:2026:2:fp","photo":"urn:sre:biometrics:SJC:2026:2:photo",
                               "signature":"urn:sre:biometrics:SJC:2026:2:sig"}}"""
                .formatted(curp, parsed.birthDate(), parsed.sex(), proofOfAddress);
    }

    /** Captures an application through the staff API and waits until INE accepted it. */
    static Map<String, Object> submitted(String curp) {
        String id = given().header("Authorization", OFFICER).contentType(ContentType.JSON)
                .body(capture(curp, today().minusDays(20))).post("/applications")
                .then().statusCode(201).body("status", equalTo("CAPTURED")).extract().path("id");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().header("Authorization", OFFICER)
                .get("/applications/" + id).then().statusCode(200).body("status", equalTo("SUBMITTED")));
        return given().header("Authorization", OFFICER).get("/applications/" + id).then().extract().jsonPath()
                .getMap("$");
    }

    static Response callback(String body, long timestamp, String secret) {
        String ts = String.valueOf(timestamp);
        return given().header("Authorization", INE).contentType(ContentType.JSON)
                .header(IneSignature.TIMESTAMP_HEADER, ts)
                .header(IneSignature.SIGNATURE_HEADER, IneSignature.sign(secret, ts, body))
                .body(body).post("/ine/callbacks");
    }

    static Response callback(String folio, String status, String extra) {
        String body = "{\"callbackId\":\"" + UUID.randomUUID() + "\",\"folio\":\"" + folio + "\",\"status\":\""
                + status + "\",\"occurredAt\":\"" + Instant.now() + "\"" + extra + "}";
        return callback(body, Instant.now().getEpochSecond(), IneStub.CALLBACK_SECRET);
    }

    @Test
    void shouldGoFromConsularVerificationToActivatedCardAndTheOverseasVoterList() {
        String curp = TestCurps.random();
        TestKafka.sendCloudEvent("consular.identity-verified", UUID.randomUUID().toString(),
                "consular.identity.verified.v1", verification(curp, today().minusDays(15)));
        String citizen = TestTokens.citizen(curp);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", citizen)
                .get("/applications").then().statusCode(200).body("status", hasItem("SUBMITTED")));
        Map<String, Object> application = given().header("Authorization", citizen).get("/applications")
                .then().extract().jsonPath().getMap("[0]");
        String id = (String) application.get("id");
        String folio = (String) application.get("folio");
        assertThat(folio).matches("SJC-\\d{4}-\\d{6}");
        assertThat(application.get("votingState")).isEqualTo("JC");

        List<LoggedRequest> sent = IneStub.ine.findAll(postRequestedFor(urlEqualTo("/submissions"))
                .withRequestBody(matchingJsonPath("$.folio", com.github.tomakehurst.wiremock.client.WireMock
                        .equalTo(folio))));
        assertThat(sent).hasSize(1);
        LoggedRequest submission = sent.get(0);
        assertThat(IneSignature.verify(IneStub.SUBMISSION_SECRET, submission.getHeader(IneSignature.TIMESTAMP_HEADER),
                submission.getBodyAsString(), submission.getHeader(IneSignature.SIGNATURE_HEADER))).isTrue();
        assertThat(submission.getBodyAsString()).contains("urn:sre:biometrics:SJC:2026:1:fp");

        for (String status : List.of("UNDER_REVIEW", "IN_PRODUCTION", "SHIPPED", "DELIVERED")) {
            callback(folio, status, "").then().statusCode(200).body("outcome", equalTo("APPLIED"));
        }
        given().header("Authorization", citizen).get("/folios/" + folio).then().statusCode(200)
                .body("status", equalTo("DELIVERED"));
        given().header("Authorization", TestTokens.citizen(TestCurps.random())).get("/folios/" + folio)
                .then().statusCode(404);
        given().header("Authorization", OFFICER).post("/applications/" + id + "/activation").then().statusCode(403);
        given().header("Authorization", citizen).post("/applications/" + id + "/activation").then().statusCode(200)
                .body("status", equalTo("ACTIVATED"));

        given().header("Authorization", citizen).contentType(ContentType.JSON).body("{\"modality\":\"POSTAL\"}")
                .post("/elections/2027-federal/registrations").then().statusCode(201)
                .body("votingState", equalTo("JC"));
        given().header("Authorization", citizen).contentType(ContentType.JSON).body("{\"modality\":\"POSTAL\"}")
                .post("/elections/2027-federal/registrations").then().statusCode(409);
        given().header("Authorization", citizen).contentType(ContentType.JSON).body("{\"modality\":\"POSTAL\"}")
                .post("/elections/2024-federal/registrations").then().statusCode(422)
                .body("rule", equalTo("registration-closed"));

        given().header("Authorization", citizen).get("/elections/2027-federal/overseas-voter-list").then()
                .statusCode(403);
        Response list = given().header("Authorization", INE).queryParam("limit", 5000)
                .get("/elections/2027-federal/overseas-voter-list");
        list.then().statusCode(200).body("voters.curp", hasItem(curp));
        assertThat(IneSignature.verify(IneStub.SUBMISSION_SECRET, list.header(IneSignature.TIMESTAMP_HEADER),
                list.asString(), list.header(IneSignature.SIGNATURE_HEADER))).isTrue();
        given().header("Authorization", INE).get("/elections/2027-federal/overseas-voter-list/statistics")
                .then().statusCode(200).body("byCountryOfResidence.US", org.hamcrest.Matchers.greaterThanOrEqualTo(1));

        ConsumerRecord<String, String> activated = TestKafka.awaitRecord("voter.applications", Duration.ofSeconds(30),
                record -> record.value().contains(folio) && record.value().contains("ACTIVATED"));
        assertThat(activated.value()).doesNotContain("Story Rd").doesNotContain("biometrics");
    }

    @Test
    void shouldTurnABurstOfVerificationsIntoApplicationsInParallelButNoMoreAtOnceThanItsPoolAllows() {
        int limit = ConfigProvider.getConfig().getValue(
                "smallrye.messaging.worker." + IdentityVerifiedConsumer.WORKERS + ".max-concurrency", Integer.class);
        List<String> curps = java.util.stream.IntStream.range(0, 5 * limit).mapToObj(i -> TestCurps.random()).toList();
        for (String curp : curps) {
            TestKafka.sendCloudEvent("consular.identity-verified", UUID.randomUUID().toString(),
                    "consular.identity.verified.v1", verification(curp, today().minusDays(15)));
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(curps).allSatisfy(curp ->
                given().header("Authorization", OFFICER).queryParam("curp", curp).get("/applications")
                        .then().statusCode(200).body("size()", equalTo(1))));

        assertThat(verifications.mostInFlight()).isGreaterThan(1).isLessThanOrEqualTo(limit);
    }

    @Test
    void shouldRefuseAnUnderageApplicantAndASecondOpenApplication() {
        LocalDate tooYoung = today().minusYears(17);
        String minor = TestCurps.random(tooYoung, 'H', "JC");
        given().header("Authorization", OFFICER).contentType(ContentType.JSON)
                .body(capture(minor, today().minusDays(5))).post("/applications")
                .then().statusCode(422).contentType("application/problem+json").body("rule", equalTo("underage"));

        String curp = TestCurps.random();
        given().header("Authorization", OFFICER).contentType(ContentType.JSON)
                .body(capture(curp, today().minusMonths(4))).post("/applications")
                .then().statusCode(422).body("rule", equalTo("proof-of-address-too-old"));
        String first = given().header("Authorization", OFFICER).contentType(ContentType.JSON)
                .body(capture(curp, today().minusDays(5))).post("/applications")
                .then().statusCode(201).extract().path("id");
        given().header("Authorization", OFFICER).contentType(ContentType.JSON)
                .body(capture(curp, today().minusDays(5))).post("/applications")
                .then().statusCode(409).body("existing", equalTo("/applications/" + first));
        given().header("Authorization", TestTokens.staff("consular-officer", "CHI")).get("/applications/" + first)
                .then().statusCode(404);
    }

    @Test
    void shouldAcceptRemediationInTimeAndRejectItTooLate() {
        Map<String, Object> onTime = submitted(TestCurps.random());
        String folio = (String) onTime.get("folio");
        callback(folio, "UNDER_REVIEW", "").then().statusCode(200);
        callback(folio, "NEEDS_REMEDIATION", ",\"reasons\":[\"ADDRESS_PROOF\"],\"remediationDeadline\":\""
                + today().plusDays(10) + "\"").then().statusCode(200);
        String citizen = TestTokens.citizen((String) onTime.get("curp"));
        given().header("Authorization", citizen).get("/folios/" + folio).then().statusCode(200)
                .body("remediationReasons", hasItem("ADDRESS_PROOF"));
        given().header("Authorization", citizen).contentType(ContentType.JSON)
                .body("{\"corrected\":[\"ADDRESS_PROOF\"],\"proofOfAddressIssuedOn\":\"" + today().minusDays(1)
                        + "\"}")
                .post("/applications/" + onTime.get("id") + "/remediation").then().statusCode(200)
                .body("status", equalTo("UNDER_REVIEW"));
        await().atMost(Duration.ofSeconds(20)).until(() -> !IneStub.ine.findAll(postRequestedFor(
                urlEqualTo("/submissions")).withRequestBody(matchingJsonPath("$.kind",
                com.github.tomakehurst.wiremock.client.WireMock.equalTo("REMEDIATION")))
                .withRequestBody(matchingJsonPath("$.folio", com.github.tomakehurst.wiremock.client.WireMock
                        .equalTo(folio)))).isEmpty());

        Map<String, Object> late = submitted(TestCurps.random());
        String lateFolio = (String) late.get("folio");
        callback(lateFolio, "UNDER_REVIEW", "").then().statusCode(200);
        callback(lateFolio, "NEEDS_REMEDIATION", ",\"reasons\":[\"SIGNATURE\"],\"remediationDeadline\":\""
                + today().minusDays(1) + "\"").then().statusCode(200);
        given().header("Authorization", TestTokens.citizen((String) late.get("curp"))).contentType(ContentType.JSON)
                .body("{\"corrected\":[\"SIGNATURE\"],\"signature\":\"urn:sre:biometrics:SJC:2026:9:sig\"}")
                .post("/applications/" + late.get("id") + "/remediation").then().statusCode(422)
                .body("rule", equalTo("remediation-deadline-passed"));
        assertThat(sweeps.rejectLateRemediations()).isGreaterThanOrEqualTo(1);
        given().header("Authorization", OFFICER).get("/applications/" + late.get("id")).then()
                .body("status", equalTo("REJECTED"));
    }

    @Test
    void shouldHoldAfterThreeFailedDeliveriesAndReturnAfterThirtyDays() throws Exception {
        Map<String, Object> application = submitted(TestCurps.random());
        String folio = (String) application.get("folio");
        for (String status : List.of("UNDER_REVIEW", "IN_PRODUCTION", "SHIPPED", "DELIVERY_ATTEMPTED",
                "DELIVERY_ATTEMPTED", "DELIVERY_ATTEMPTED")) {
            callback(folio, status, "").then().statusCode(200);
        }
        given().header("Authorization", OFFICER).get("/applications/" + application.get("id")).then()
                .body("status", equalTo("HELD")).body("deliveryAttempts", equalTo(3));
        callback(folio, "DELIVERY_ATTEMPTED", "").then().statusCode(409);
        try (var db = SuiteInfrastructure.postgres().connect("voter");
                var update = db.prepareStatement("UPDATE application SET held_until = ? WHERE folio = ?")) {
            update.setObject(1, today().minusDays(1));
            update.setString(2, folio);
            update.executeUpdate();
        }
        assertThat(sweeps.returnHeldCards()).isGreaterThanOrEqualTo(1);
        given().header("Authorization", OFFICER).get("/applications/" + application.get("id")).then()
                .body("status", equalTo("RETURNED"))
                .body("history.to", hasItem("HELD"));
    }

    @Test
    void shouldQueueSubmissionsWhileIneIsDownAndSendEachOnceWhenItReturns() throws Exception {
        IneStub.fail();
        try {
            String id = given().header("Authorization", OFFICER).contentType(ContentType.JSON)
                    .body(capture(TestCurps.random(), today().minusDays(3))).post("/applications")
                    .then().statusCode(201).extract().path("id");
            String folio = given().header("Authorization", OFFICER).get("/applications/" + id).then().extract()
                    .path("folio");
            await().atMost(Duration.ofSeconds(20)).until(() -> IneStub.ine.findAll(postRequestedFor(
                    urlEqualTo("/submissions")).withRequestBody(matchingJsonPath("$.folio",
                    com.github.tomakehurst.wiremock.client.WireMock.equalTo(folio)))).size() >= 3);
            given().header("Authorization", OFFICER).get("/applications/" + id).then().body("status", equalTo("CAPTURED"));

            IneStub.accept();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().header("Authorization", OFFICER)
                    .get("/applications/" + id).then().body("status", equalTo("SUBMITTED")));
            Thread.sleep(1500);
            assertThat(IneStub.ine.findAll(postRequestedFor(urlEqualTo("/submissions")).withRequestBody(
                    matchingJsonPath("$.folio", com.github.tomakehurst.wiremock.client.WireMock.equalTo(folio)))))
                    .as("accepted submissions of %s once INE was back", folio).hasSize(1);
        } finally {
            IneStub.accept();
        }
    }

    @Test
    void shouldRefuseAndRecordBadStaleAndReplayedCallbacks() throws Exception {
        Map<String, Object> application = submitted(TestCurps.random());
        String folio = (String) application.get("folio");
        String body = "{\"callbackId\":\"cb-" + UUID.randomUUID() + "\",\"folio\":\"" + folio
                + "\",\"status\":\"UNDER_REVIEW\"}";
        callback(body, Instant.now().getEpochSecond(), "not-the-secret").then().statusCode(401)
                .contentType("application/problem+json");
        callback(body, Instant.now().minusSeconds(3600).getEpochSecond(), IneStub.CALLBACK_SECRET).then()
                .statusCode(401);
        callback(body, Instant.now().getEpochSecond(), IneStub.CALLBACK_SECRET).then().statusCode(200)
                .body("outcome", equalTo("APPLIED"));
        callback(body, Instant.now().getEpochSecond(), IneStub.CALLBACK_SECRET).then().statusCode(200)
                .body("outcome", equalTo("DUPLICATE"));
        callback(body.replace("UNDER_REVIEW", "IN_PRODUCTION"), Instant.now().getEpochSecond(),
                IneStub.CALLBACK_SECRET).then().statusCode(409).body("rule", equalTo("replayed-callback"));
        given().header("Authorization", OFFICER).get("/applications/" + application.get("id")).then()
                .body("status", equalTo("UNDER_REVIEW"));
        given().header("Authorization", OFFICER).contentType(ContentType.JSON).body(body)
                .header(IneSignature.TIMESTAMP_HEADER, "1").header(IneSignature.SIGNATURE_HEADER, "v1=00")
                .post("/ine/callbacks").then().statusCode(403);

        try (var db = SuiteInfrastructure.postgres().connect("voter");
                var query = db.prepareStatement("SELECT outcome, count(*) FROM ine_callback GROUP BY outcome");
                var rs = query.executeQuery()) {
            Map<String, Long> outcomes = new java.util.HashMap<>();
            while (rs.next()) {
                outcomes.put(rs.getString(1), rs.getLong(2));
            }
            assertThat(outcomes).containsKeys("BAD_SIGNATURE", "STALE", "REPLAYED", "APPLIED");
        }
    }

    @Test
    void shouldRemindCitizensWhoseDeliveredCardIsNotActivated() throws Exception {
        Map<String, Object> application = submitted(TestCurps.random());
        String folio = (String) application.get("folio");
        for (String status : List.of("UNDER_REVIEW", "IN_PRODUCTION", "SHIPPED", "DELIVERED")) {
            callback(folio, status, "").then().statusCode(200);
        }
        try (var db = SuiteInfrastructure.postgres().connect("voter");
                var update = db.prepareStatement("UPDATE application SET delivered_at = now() - interval '8 days' "
                        + "WHERE folio = ?")) {
            update.setString(1, folio);
            update.executeUpdate();
        }
        assertThat(sweeps.remindToActivate()).isGreaterThanOrEqualTo(1);
        ConsumerRecord<String, String> reminder = TestKafka.awaitRecord("voter.applications", Duration.ofSeconds(30),
                record -> record.value().contains(folio) && "voter.application.activation-reminder.v1"
                        .equals(TestKafka.header(record, "ce_type")));
        assertThat(reminder.value()).contains("\"reminderNumber\":1");
        assertThat(sweeps.remindToActivate()).isZero();
    }
}
