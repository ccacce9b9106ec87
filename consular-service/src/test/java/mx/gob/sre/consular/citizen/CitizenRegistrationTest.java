package mx.gob.sre.consular.citizen;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import mx.gob.sre.platform.curp.Curp;
import mx.gob.sre.testsupport.SuiteInfrastructure;
import mx.gob.sre.testsupport.TestCurps;
import mx.gob.sre.testsupport.TestKafka;
import mx.gob.sre.testsupport.TestTokens;

@QuarkusTest
@WithTestResource(value = SuiteInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "consular"))
class CitizenRegistrationTest {

    static String body(String curp) {
        LocalDate born = Curp.parse(curp).birthDate();
        return """
                {"curp":"%s","givenNames":"Gloria","firstSurname":"Hernández","secondSurname":"García",
                 "dateOfBirth":"%s","contact":{"email":"gloria@example.org","phone":"+14085551234"},
                 "address":{"line1":"1200 Story Rd","city":"San Jose","region":"CA","postalCode":"95122","country":"US"},
                 "consulate":"SJC","consent":{"privacyNoticeVersion":"2026-01","accepted":true}}
                """.formatted(curp, born);
    }

    @Test
    void shouldRegisterCitizenAndPublishEventOverRealBroker() {
        String curp = TestCurps.random();
        String id = given().header("Authorization", TestTokens.citizen(curp))
                .contentType(ContentType.JSON).body(body(curp))
                .when().post("/citizens")
                .then().statusCode(201)
                .header("Location", containsString("/citizens/" + curp))
                .header("X-Request-Id", not(equalTo(null)))
                .body("curp", equalTo(curp))
                .body("consent.privacyNoticeVersion", equalTo("2026-01"))
                .extract().path("id");

        ConsumerRecord<String, String> event = TestKafka.awaitRecord(CitizenEvents.TOPIC, Duration.ofSeconds(30),
                record -> id.equals(record.key()));
        assertThat(TestKafka.header(event, "ce_type")).isEqualTo(CitizenEvents.REGISTERED_V1);
        assertThat(TestKafka.header(event, "ce_specversion")).isEqualTo("1.0");
        assertThat(TestKafka.header(event, "ce_source")).isEqualTo("/consular-service");
        assertThat(TestKafka.header(event, "ce_id")).isNotBlank();
        assertThat(event.value()).contains(curp).contains("\"consulate\":\"SJC\"")
                .doesNotContain("Gloria").doesNotContain("Story Rd").doesNotContain("gloria@example.org");
    }

    @Test
    void shouldRefuseWrongCheckDigitNamingTheField() {
        String curp = TestCurps.random();
        char wrong = curp.charAt(17) == '9' ? '0' : (char) (curp.charAt(17) + 1);
        String bad = curp.substring(0, 17) + wrong;
        given().header("Authorization", TestTokens.citizen(bad))
                .contentType(ContentType.JSON).body(body(curp).replace(curp, bad))
                .when().post("/citizens")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem("curp"))
                .body("errors.message", hasItem(containsString("check digit")));
    }

    @Test
    void shouldRefuseUnknownPropertiesAndMalformedJson() {
        String curp = TestCurps.random();
        given().header("Authorization", TestTokens.citizen(curp))
                .contentType(ContentType.JSON).body(body(curp).replace("\"curp\"", "\"isAdmin\":true,\"curp\""))
                .when().post("/citizens")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("isAdmin"));
        given().header("Authorization", TestTokens.citizen(curp))
                .contentType(ContentType.JSON).body("{\"curp\": ")
                .when().post("/citizens")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", not(containsString("jackson")));
    }

    @Test
    void shouldRefuseAddressInMexicoAndBirthDateNotMatchingCurp() {
        String curp = TestCurps.random();
        String body = body(curp).replace("\"country\":\"US\"", "\"country\":\"MX\"")
                .replace(Curp.parse(curp).birthDate().toString(), "1999-12-31");
        given().header("Authorization", TestTokens.citizen(curp))
                .contentType(ContentType.JSON).body(body)
                .when().post("/citizens")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("address.country"));
    }

    @Test
    void shouldHideCitizenFromOtherCitizensAndOtherConsulates() {
        String curp = TestCurps.random();
        given().header("Authorization", TestTokens.citizen(curp)).contentType(ContentType.JSON).body(body(curp))
                .post("/citizens").then().statusCode(201);

        given().header("Authorization", TestTokens.citizen(curp)).get("/citizens/" + curp)
                .then().statusCode(200).body("curp", equalTo(curp));
        given().header("Authorization", TestTokens.staff("consular-officer", "SJC")).get("/citizens/" + curp)
                .then().statusCode(200);
        given().header("Authorization", TestTokens.citizen(TestCurps.random())).get("/citizens/" + curp)
                .then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", TestTokens.staff("consular-officer", "CHI")).get("/citizens/" + curp)
                .then().statusCode(404);
    }

    @Test
    void shouldAnswerConflictPointingToExistingRegistration() {
        String curp = TestCurps.random();
        given().header("Authorization", TestTokens.citizen(curp)).contentType(ContentType.JSON).body(body(curp))
                .post("/citizens").then().statusCode(201);
        given().header("Authorization", TestTokens.staff("consular-officer", "SJC")).contentType(ContentType.JSON)
                .body(body(curp)).post("/citizens")
                .then().statusCode(409).body("existing", equalTo("/citizens/" + curp));
    }

    @Test
    void shouldRefuseCallsWithoutValidInternalToken() {
        String curp = TestCurps.random();
        given().contentType(ContentType.JSON).body(body(curp)).post("/citizens")
                .then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", TestTokens.token().roles("citizen").curp(curp).issuer("https://evil")
                .bearer()).contentType(ContentType.JSON).body(body(curp)).post("/citizens")
                .then().statusCode(401);
        given().header("Authorization", TestTokens.token().roles("citizen").curp(curp)
                .signedWith(TestTokens.generate().getPrivate()).bearer())
                .contentType(ContentType.JSON).body(body(curp)).post("/citizens")
                .then().statusCode(401);
        given().header("Authorization", TestTokens.client("ine", "ine")).contentType(ContentType.JSON)
                .body(body(curp)).post("/citizens")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void shouldAcceptWritesWhileBrokerIsDownAndDeliverWhenItReturns() throws Exception {
        String curp = TestCurps.random();
        SuiteInfrastructure.kafka().stop();
        String id;
        try {
            id = given().header("Authorization", TestTokens.citizen(curp)).contentType(ContentType.JSON)
                    .body(body(curp)).post("/citizens")
                    .then().statusCode(201).extract().path("id");
            Thread.sleep(3000);
            assertThat(outboxState(id)).isEqualTo("pending");
            given().get("/q/health/ready").then().statusCode(200)
                    .body("checks.find { it.name == 'kafka-outbox' }.data.broker", equalTo("unreachable"));
        } finally {
            SuiteInfrastructure.kafka().start();
        }
        ConsumerRecord<String, String> event = TestKafka.awaitRecord(CitizenEvents.TOPIC, Duration.ofSeconds(60),
                record -> id.equals(record.key()));
        assertThat(event.value()).contains(curp);
        assertThat(outboxState(id)).isEqualTo("published");
    }

    static String outboxState(String aggregateId) throws SQLException {
        try (Connection connection = SuiteInfrastructure.postgres().connect("consular");
                PreparedStatement query = connection.prepareStatement(
                        "SELECT published_at IS NOT NULL FROM outbox_event WHERE aggregate_key = ?")) {
            query.setString(1, aggregateId);
            try (ResultSet rs = query.executeQuery()) {
                assertThat(rs.next()).as("outbox row for %s", aggregateId).isTrue();
                return rs.getBoolean(1) ? "published" : "pending";
            }
        }
    }
}
