package mx.gob.sre.consular.protection;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
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
class ProtectionCaseTest {

    static final String OFFICER = TestTokens.staff("protection-officer", "SJC");
    static final String SUPERVISOR = TestTokens.staff("consulate-supervisor", "SJC");

    static String newCase(String consulate, String marker, String channel) {
        String officer = TestTokens.staff("protection-officer", consulate);
        return given().header("Authorization", officer).header("X-Access-Reason", "first attention")
                .contentType(ContentType.JSON).body("""
                        {"channel":"%s","firstAttentionAt":"%s","violenceTypes":["PSYCHOLOGICAL","DIGITAL"],
                         "riskLevel":"HIGH",
                         "survivor":{"fullName":"Survivor %s","phone":"+14085550199","email":"s@example.org"},
                         "narrative":"Narrative %s: threats by messaging; she left home with her children.",
                         "safeContact":{"instructions":"Never call the home number %s","preferredChannel":"SMS",
                                        "safePhone":"+14085550100"}}"""
                        .formatted(channel, Instant.now().minusSeconds(3600), marker, marker, marker))
                .post("/protection-cases").then().statusCode(201)
                .body("summary.riskLevel", equalTo("HIGH"))
                .extract().path("summary.id");
    }

    @Test
    void shouldStoreNarrativeAndIdentifyingFieldsOnlyAsCiphertext() throws Exception {
        String marker = "M" + UUID.randomUUID().toString().substring(0, 8);
        String id = newCase("SJC", marker, "OFFICE");
        given().header("Authorization", OFFICER).get("/protection-cases/" + id).then().statusCode(200)
                .body("narrative", equalTo("Narrative " + marker + ": threats by messaging; she left home with her "
                        + "children."))
                .body("survivor.fullName", equalTo("Survivor " + marker));

        try (Connection db = Fixtures.database(); PreparedStatement query = db.prepareStatement(
                "SELECT * FROM protection_case WHERE id = ?")) {
            query.setObject(1, UUID.fromString(id));
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                for (String column : List.of("survivor_enc", "narrative_enc", "safe_contact_enc")) {
                    assertThat(row.getString(column)).startsWith("v1:test-1:").doesNotContain(marker)
                            .doesNotContain("threats").doesNotContain("4085550199");
                }
                for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
                    String value = row.getString(i);
                    assertThat(value == null ? "" : value).doesNotContain(marker).doesNotContain("Survivor");
                }
            }
        }
    }

    @Test
    void shouldAnswer404ToEveryoneOutsideNeedToKnowAndAuditBreakGlass() throws Exception {
        String id = newCase("SJC", "hidden", "PHONE");
        for (String outsider : List.of(TestTokens.staff("consular-officer", "SJC"),
                TestTokens.staff("protection-officer", "CHI"), TestTokens.staff("consulate-supervisor", "CHI"),
                TestTokens.citizen(Fixtures.registeredCitizen("SJC")), TestTokens.client("casa-refugio",
                        "support-partner", "consular:read"), TestTokens.token().roles("admin").bearer())) {
            given().header("Authorization", outsider).get("/protection-cases/" + id)
                    .then().statusCode(404).contentType("application/problem+json");
            given().header("Authorization", outsider).contentType(ContentType.JSON).body("{\"notes\":\"x\"}")
                    .post("/protection-cases/" + id + "/interview").then().statusCode(org.hamcrest.Matchers.anyOf(
                            equalTo(404), equalTo(403)));
            assertThat(given().header("Authorization", outsider).get("/protection-cases")
                    .then().extract().statusCode()).isIn(200, 403);
        }
        given().header("Authorization", TestTokens.staff("consular-officer", "SJC")).get("/protection-cases")
                .then().statusCode(200).body("size()", equalTo(0));

        given().header("Authorization", TestTokens.staff("consulate-supervisor", "CHI"))
                .header("X-Break-Glass-Reason", "Survivor moved to Chicago; emergency shelter needed")
                .get("/protection-cases/" + id).then().statusCode(200);

        List<Map<String, Object>> audit = given().header("Authorization", SUPERVISOR)
                .get("/protection-cases/" + id + "/audit").then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(audit).extracting(entry -> entry.get("action")).contains("CREATE", "DENIED:READ", "READ");
        assertThat(audit).filteredOn(entry -> Boolean.TRUE.equals(entry.get("breakGlass"))).singleElement()
                .satisfies(entry -> {
                    assertThat((String) entry.get("actor")).contains("consulate-supervisor@chi");
                    assertThat((String) entry.get("reason")).contains("Chicago");
                });
        given().header("Authorization", OFFICER).get("/protection-cases/" + id + "/audit").then().statusCode(404);
        assertThatThrownBy(() -> Fixtures.update("DELETE FROM protection_audit WHERE case_id = ?", UUID.fromString(id)))
                .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
    }

    @Test
    void shouldReferOutsideOnlyWithConsentAndShareOnlyConsentedFields() {
        given().header("Authorization", SUPERVISOR).contentType(ContentType.JSON)
                .body("{\"clientId\":\"refugio-sj\",\"name\":\"Refugio San José\",\"services\":[\"SHELTER\",\"LEGAL_AID\"]}")
                .post("/support-partners").then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(201), equalTo(409)));
        String id = newCase("SJC", "referral", "REMOTE");
        String referral = "{\"partner\":\"refugio-sj\",\"service\":\"SHELTER\",\"notes\":\"Needs a place tonight\"}";
        given().header("Authorization", OFFICER).contentType(ContentType.JSON).body(referral)
                .post("/protection-cases/" + id + "/external-referrals").then().statusCode(422)
                .body("rule", equalTo("consent-required"));

        String consent = given().header("Authorization", OFFICER).contentType(ContentType.JSON)
                .body("{\"services\":[\"SHELTER\"],\"sharedFields\":[\"NAME\",\"SAFE_CONTACT\"],\"givenOn\":\""
                        + LocalDate.now() + "\"}")
                .post("/protection-cases/" + id + "/consents").then().statusCode(201).extract().path("id");
        given().header("Authorization", OFFICER).contentType(ContentType.JSON)
                .body(referral.replace("SHELTER", "LEGAL_AID"))
                .post("/protection-cases/" + id + "/external-referrals").then().statusCode(422);
        String referralId = given().header("Authorization", OFFICER).contentType(ContentType.JSON).body(referral)
                .post("/protection-cases/" + id + "/external-referrals").then().statusCode(201).extract().path("id");
        given().header("Authorization", OFFICER).contentType(ContentType.JSON)
                .body("{\"service\":\"PASSPORT\",\"notes\":\"Reissue the passport she fled without\"}")
                .post("/protection-cases/" + id + "/internal-referrals").then().statusCode(201)
                .body("kind", equalTo("INTERNAL"));

        String partner = TestTokens.client("refugio-sj", "support-partner", "consular:read");
        given().header("Authorization", partner).get("/referrals/" + referralId).then().statusCode(200)
                .body("shared.name", equalTo("Survivor referral"))
                .body("shared.safeContact.preferredChannel", equalTo("SMS"))
                .body("shared.phone", nullValue())
                .body("shared.email", nullValue())
                .body("shared.narrative", nullValue())
                .body("shared.violenceTypes", nullValue())
                .body("id", equalTo(referralId));
        given().header("Authorization", partner).post("/referrals/" + referralId + "/acknowledge").then()
                .statusCode(200).body("status", equalTo("ACKNOWLEDGED"));
        given().header("Authorization", TestTokens.client("other-partner", "support-partner", "consular:read"))
                .get("/referrals/" + referralId).then().statusCode(404);

        given().header("Authorization", OFFICER).post("/protection-cases/" + id + "/consents/" + consent + "/revoke")
                .then().statusCode(200);
        given().header("Authorization", partner).get("/referrals/" + referralId).then().statusCode(404);
        given().header("Authorization", partner).get("/referrals").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(referralId)));
    }

    @Test
    void shouldPublishOnlyAggregatesWithSmallCountsSuppressed() {
        for (int i = 0; i < 5; i++) {
            newCase("DAL", "stats" + i, "OFFICE");
        }
        newCase("DAL", "stats-phone", "PHONE");
        LocalDate today = LocalDate.now();
        given().header("Authorization", TestTokens.staff("consulate-supervisor", "DAL"))
                .queryParam("from", today.minusDays(2).toString()).queryParam("to", today.plusDays(1).toString())
                .get("/consulates/DAL/protection-statistics").then().statusCode(200)
                .body("cases", equalTo(6))
                .body("byChannel.OFFICE", equalTo(5))
                .body("byChannel.PHONE", nullValue())
                .body("byViolenceType.DIGITAL", equalTo(6))
                .body("suppressed", org.hamcrest.Matchers.hasItem("channel.PHONE"));
        given().header("Authorization", TestTokens.staff("consulate-supervisor", "SJC"))
                .queryParam("from", today.toString()).queryParam("to", today.toString())
                .get("/consulates/DAL/protection-statistics").then().statusCode(404);
    }

    @Test
    void shouldNeverPutProtectionDataInAnyEventOrOutboxRow() throws Exception {
        String marker = "Z" + UUID.randomUUID().toString().substring(0, 8);
        String id = newCase("SJC", marker, "DETENTION_VISIT");
        given().header("Authorization", OFFICER).contentType(ContentType.JSON)
                .body("{\"notes\":\"Interview " + marker + "\"}").post("/protection-cases/" + id + "/interview")
                .then().statusCode(200);
        Fixtures.registeredCitizen("SJC");

        Set<String> topics;
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SuiteInfrastructure.kafka().bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            topics = admin.listTopics().names().get();
        }
        assertThat(topics).contains("consular.citizens");
        for (String topic : topics) {
            for (ConsumerRecord<String, String> record : TestKafka.readAll(topic, Duration.ofSeconds(2))) {
                String all = record.key() + " " + record.value() + " " + record.headers();
                assertThat(all).as("a record of %s", topic).doesNotContain(id).doesNotContain(marker)
                        .doesNotContainIgnoringCase("protection").doesNotContain("Survivor");
            }
        }
        assertThat(Fixtures.count("SELECT count(*) FROM outbox_event WHERE payload LIKE ? OR aggregate_key = ? "
                + "OR topic LIKE '%protection%'", "%" + marker + "%", id)).isZero();
    }
}
