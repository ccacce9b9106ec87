package mx.gob.sre.voter.citizen;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import mx.gob.sre.testsupport.SuiteInfrastructure;
import mx.gob.sre.voter.IneStub;
import mx.gob.sre.testsupport.TestCurps;
import mx.gob.sre.testsupport.TestKafka;
import mx.gob.sre.testsupport.TestTokens;

@QuarkusTest
@WithTestResource(value = SuiteInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "voter"))
@WithTestResource(IneStub.class)
class CitizenEventsConsumerTest {

    static final String TOPIC = "consular.citizens";

    static String registered(UUID citizenId, String curp, String consulate) {
        return """
                {"citizenId":"%s","curp":"%s","consulate":"%s","countryOfResidence":"US",
                 "registeredAt":"2026-11-28T10:00:00Z"}""".formatted(citizenId, curp, consulate);
    }

    @Test
    void shouldLearnOfCitizenFromEventOverRealBroker() {
        String curp = TestCurps.random();
        UUID id = UUID.randomUUID();
        TestKafka.sendCloudEvent(TOPIC, id.toString(), "consular.citizen.registered.v1", registered(id, curp, "SJC"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().header("Authorization", TestTokens.staff("consular-officer", "SJC"))
                        .get("/citizens/" + curp + "/eligibility")
                        .then().statusCode(200)
                        .body("consulate", equalTo("SJC"))
                        .body("meetsAgeRequirement", equalTo(true)));
        given().header("Authorization", TestTokens.staff("consular-officer", "CHI"))
                .get("/citizens/" + curp + "/eligibility").then().statusCode(404);
    }

    @Test
    void shouldApplySameEventOnlyOnceWhenDeliveredTwice() throws Exception {
        String curp = TestCurps.random();
        UUID id = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        TestKafka.sendCloudEvent(TOPIC, id.toString(), "consular.citizen.registered.v1",
                registered(id, curp, "SJC"), eventId);
        // A redelivery of the same event, even with a different body, must have no second effect.
        TestKafka.sendCloudEvent(TOPIC, id.toString(), "consular.citizen.registered.v1",
                registered(id, curp, "CHI"), eventId);
        // A later event on the same key proves the consumer went past the duplicate.
        String curpAfter = TestCurps.random();
        TestKafka.sendCloudEvent(TOPIC, id.toString(), "consular.citizen.registered.v1",
                registered(UUID.randomUUID(), curpAfter, "AUS"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().header("Authorization", TestTokens.staff("consular-officer", "AUS"))
                        .get("/citizens/" + curpAfter + "/eligibility").then().statusCode(200));

        given().header("Authorization", TestTokens.staff("consular-officer", "SJC"))
                .get("/citizens/" + curp + "/eligibility").then().statusCode(200).body("consulate", equalTo("SJC"));
        assertThat(count("SELECT count(*) FROM inbox_message WHERE event_id = ?", eventId)).isEqualTo(1);
    }

    @Test
    void shouldSendPoisonMessageToDeadLetterTopicAndKeepConsuming() {
        String poisonId = TestKafka.sendCloudEvent(TOPIC, "poison", "consular.citizen.registered.v1", "{not json");
        ConsumerRecord<String, String> dead = TestKafka.awaitRecord(TOPIC + ".dlq", Duration.ofSeconds(30),
                record -> poisonId.equals(TestKafka.header(record, "ce_id")));
        assertThat(TestKafka.header(dead, "dead-letter-reason")).contains("not a valid");

        String curp = TestCurps.random();
        UUID id = UUID.randomUUID();
        TestKafka.sendCloudEvent(TOPIC, "poison", "consular.citizen.registered.v1", registered(id, curp, "SJC"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().header("Authorization", TestTokens.citizen(curp))
                        .get("/citizens/" + curp + "/eligibility").then().statusCode(200));
    }

    @Test
    void shouldFollowACitizenWhoMovesToAnotherConsulate() {
        String curp = TestCurps.random();
        UUID id = UUID.randomUUID();
        TestKafka.sendCloudEvent(TOPIC, id.toString(), "consular.citizen.registered.v1", registered(id, curp, "SJC"));
        TestKafka.sendCloudEvent(TOPIC, id.toString(), "consular.citizen.updated.v1", """
                {"citizenId":"%s","curp":"%s","consulate":"LAX","countryOfResidence":"US",
                 "updatedAt":"2026-11-29T10:00:00Z"}""".formatted(id, curp));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().header("Authorization", TestTokens.staff("consular-officer", "LAX"))
                        .get("/citizens/" + curp + "/eligibility").then().statusCode(200)
                        .body("consulate", equalTo("LAX")));
        given().header("Authorization", TestTokens.staff("consular-officer", "SJC"))
                .get("/citizens/" + curp + "/eligibility").then().statusCode(404);
    }

    @Test
    void shouldDeadLetterAnEventWhoseDataTheConsumerRefuses() {
        UUID id = UUID.randomUUID();
        String eventId = TestKafka.sendCloudEvent(TOPIC, id.toString(), "consular.citizen.registered.v1",
                registered(id, "NOTACURP0000000000", "SJC"));
        ConsumerRecord<String, String> dead = TestKafka.awaitRecord(TOPIC + ".dlq", Duration.ofSeconds(30),
                record -> eventId.equals(TestKafka.header(record, "ce_id")));
        assertThat(TestKafka.header(dead, "dead-letter-reason")).contains("curp");
    }

    static long count(String sql, String parameter) throws Exception {
        try (Connection connection = SuiteInfrastructure.postgres().connect("voter");
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
