package mx.gob.sre.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * CORS for the web app's calls to {@code /api}: the gateway's handler runs after Quarkus's CORS filter and
 * before Quarkus's own security handlers ({@link GatewayHandler#ORDER}), so the filter must still answer
 * preflights and mark answers.
 */
@QuarkusTest
@WithTestResource(GatewayTestResource.class)
class GatewayCorsTest {

    private static final String APP = "http://localhost:3000";

    @Test
    void aPreflightFromTheAppIsAnsweredWithoutReachingAService() {
        int before = GatewayTestResource.consular.requests.get();
        given().header("Origin", APP)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "Authorization,Content-Type,Idempotency-Key")
                .options("/api/consular/appointments")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", APP)
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsString("Idempotency-Key"));
        assertThat(GatewayTestResource.consular.requests.get()).isEqualTo(before);
    }

    @Test
    void aPreflightFromAnotherOriginIsRefused() {
        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .options("/api/consular/appointments")
                .then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void aProxiedAnswerToTheAppCarriesTheOriginAndTheExposedHeaders() {
        Personas.as("citizen").header("Origin", APP)
                .get("/api/voter/applications")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", APP)
                .header("Access-Control-Expose-Headers", containsString("RateLimit-Remaining"));
    }

    @Test
    void anErrorOfTheGatewayToTheAppCarriesTheOriginToo() {
        given().header("Origin", APP)
                .get("/api/voter/applications")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("Access-Control-Allow-Origin", equalTo(APP));
    }
}
