package mx.gob.sre.inesim;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(SimulatorTest.Ministry.class)
class SimulatorTest {

    static final String SUBMISSION_SECRET = "s-" + UUID.randomUUID();
    static final String CALLBACK_SECRET = "c-" + UUID.randomUUID();

    /** The ministry's callback endpoint, played by WireMock. */
    public static class Ministry implements QuarkusTestResourceLifecycleManager {
        static WireMockServer server;

        @Override
        public Map<String, String> start() {
            server = new WireMockServer(options().dynamicPort());
            server.start();
            server.stubFor(post("/ine/callbacks").willReturn(aResponse().withStatus(200)));
            return Map.of("simulator.submission-secret", SUBMISSION_SECRET, "simulator.callback-secret", CALLBACK_SECRET,
                    "simulator.callback-url", server.baseUrl() + "/ine/callbacks", "simulator.step-interval", "200ms");
        }

        @Override
        public void stop() {
            server.stop();
        }
    }

    @Inject
    IneDesk desk;

    @AfterEach
    void normal() {
        given().contentType(ContentType.JSON).body("{\"mode\":\"NORMAL\",\"delayMillis\":0}").put("/control/mode");
    }

    static io.restassured.response.Response submit(String folio, String kind, String secret) {
        String body = "{\"folio\":\"" + folio + "\",\"kind\":\"" + kind + "\"}";
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        return given().contentType(ContentType.JSON).header("X-INE-Timestamp", timestamp)
                .header("X-INE-Signature", Signature.sign(secret, timestamp, body)).body(body).post("/submissions");
    }

    String folioWith(IneDesk.Script script) {
        for (int i = 0; i < 10_000; i++) {
            String folio = "SJC-2026-" + String.format("%06d", 100_000 + i) + UUID.randomUUID().toString().substring(0, 4);
            if (desk.scriptFor(folio) == script) {
                return folio;
            }
        }
        throw new IllegalStateException("no folio for " + script);
    }

    List<String> reportedStatuses(String folio) {
        return Ministry.server.findAll(postRequestedFor(urlEqualTo("/ine/callbacks"))).stream()
                .filter(request -> request.getBodyAsString().contains(folio))
                .peek(request -> assertThat(Signature.valid(CALLBACK_SECRET, request.getHeader("X-INE-Timestamp"),
                        request.getBodyAsString(), request.getHeader("X-INE-Signature"))).isTrue())
                .map(LoggedRequest::getBodyAsString)
                .map(body -> body.replaceAll(".*\"status\":\"([A-Z_]+)\".*", "$1"))
                .toList();
    }

    @Test
    void shouldAcceptSignedSubmissionsOnceAndRefuseBadSignatures() {
        String folio = folioWith(IneDesk.Script.DELIVERED);
        submit(folio, "INITIAL", SUBMISSION_SECRET).then().statusCode(202).body("status", equalTo("RECEIVED"));
        submit(folio, "INITIAL", SUBMISSION_SECRET).then().statusCode(202).body("status", equalTo("ALREADY_RECEIVED"));
        submit(folio, "INITIAL", "wrong").then().statusCode(401);
    }

    @Test
    void shouldWalkTheLifecycleWithSignedCallbacks() {
        String folio = folioWith(IneDesk.Script.DELIVERED);
        submit(folio, "INITIAL", SUBMISSION_SECRET).then().statusCode(202);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(reportedStatuses(folio))
                .containsExactly("UNDER_REVIEW", "IN_PRODUCTION", "SHIPPED", "DELIVERED"));

        String failing = folioWith(IneDesk.Script.FAILED_DELIVERY);
        submit(failing, "INITIAL", SUBMISSION_SECRET).then().statusCode(202);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(reportedStatuses(failing))
                .endsWith("DELIVERY_ATTEMPTED", "DELIVERY_ATTEMPTED", "DELIVERY_ATTEMPTED"));
    }

    @Test
    void shouldWaitForCorrectedDocumentsAfterAskingForRemediation() throws Exception {
        String folio = folioWith(IneDesk.Script.REMEDIATION);
        submit(folio, "INITIAL", SUBMISSION_SECRET).then().statusCode(202);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(reportedStatuses(folio))
                .containsExactly("UNDER_REVIEW", "NEEDS_REMEDIATION"));
        Thread.sleep(800);
        assertThat(reportedStatuses(folio)).hasSize(2);
        submit(folio, "REMEDIATION", SUBMISSION_SECRET).then().statusCode(202);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(reportedStatuses(folio))
                .endsWith("IN_PRODUCTION", "SHIPPED", "DELIVERED"));
    }

    @Test
    void shouldFailAsToldOverItsControlApi() {
        given().contentType(ContentType.JSON).body("{\"mode\":\"ERROR\",\"delayMillis\":0}").put("/control/mode")
                .then().statusCode(200);
        submit(folioWith(IneDesk.Script.DELIVERED), "INITIAL", SUBMISSION_SECRET).then().statusCode(503);

        given().contentType(ContentType.JSON).body("{\"mode\":\"SLOW\",\"delayMillis\":1200}").put("/control/mode");
        long started = System.nanoTime();
        submit(folioWith(IneDesk.Script.DELIVERED), "INITIAL", SUBMISSION_SECRET).then().statusCode(202);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(1200));

        given().contentType(ContentType.JSON).body("{\"mode\":\"DOWN\",\"delayMillis\":0}").put("/control/mode");
        assertThatThrownBy(() -> submit(folioWith(IneDesk.Script.DELIVERED), "INITIAL", SUBMISSION_SECRET))
                .isInstanceOf(Exception.class);
    }
}
