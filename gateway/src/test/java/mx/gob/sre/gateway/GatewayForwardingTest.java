package mx.gob.sre.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import mx.gob.sre.platform.web.JsonBodies;

@QuarkusTest
@WithTestResource(GatewayTestResource.class)
class GatewayForwardingTest {

    @Inject
    Instance<JsonBodies> jsonReadAhead;

    @Test
    void shouldStreamBodiesThroughInsteadOfReadingThemAhead() {
        assertThat(jsonReadAhead.isUnsatisfied()).isTrue();
    }

    @Test
    void shouldSwapCredentialForSignedInternalTokenAndPropagateHeaders() throws Exception {
        String trace = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        Response response = Personas.as("mobile-backend+citizen")
                .header("X-Request-Id", "req-forward-1")
                .header("traceparent", trace)
                .header("Idempotency-Key", "idem-42")
                .header("Cookie", "session=secret")
                .get("/api/consular/consulates?country=US");
        response.then().statusCode(200)
                .header("X-Request-Id", "req-forward-1")
                .header("X-Upstream-Latency", notNullValue())
                .body("service", equalTo("consular"))
                .body("path", equalTo("/consulates"))
                .body("query", equalTo("country=US"))
                .body("headers.x-request-id", equalTo("req-forward-1"))
                .body("headers.idempotency-key", equalTo("idem-42"))
                .body("headers.traceparent", matchesPattern("00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01"))
                .body("headers.x-api-key", equalTo(null))
                .body("headers.cookie", equalTo(null));
        assertThat(response.jsonPath().getString("headers.traceparent")).isNotEqualTo(trace);

        String authorization = response.jsonPath().getString("headers.authorization");
        JWTAuthContextInfo verification = new JWTAuthContextInfo(
                (RSAPublicKey) TestIdentityProvider.INTERNAL_KEYS.getPublic(), "https://gateway.consular-suite.internal");
        verification.setExpectedAudience(java.util.Set.of("consular-suite"));
        JsonWebToken internal = new DefaultJWTParser().parse(authorization.substring("Bearer ".length()), verification);
        assertThat(internal.getSubject()).isEqualTo("citizen-user");
        assertThat(internal.getGroups()).containsExactly("citizen");
        assertThat(internal.<String>getClaim("curp")).isEqualTo(Personas.CITIZEN_CURP);
        assertThat(internal.<String>getClaim("client_id")).isEqualTo("persona-mobile-backend");
        assertThat(internal.getExpirationTime() - internal.getIssuedAtTime()).isLessThanOrEqualTo(120);
    }

    @Test
    void shouldReuseOneInternalTokenForTheSamePrincipalAndSignAnotherForAnother() {
        String first = Personas.as("citizen").get("/api/voter/applications").jsonPath().getString("headers.authorization");
        String second = Personas.as("citizen").get("/api/voter/applications").jsonPath().getString("headers.authorization");
        String onBehalf = Personas.as("mobile-backend+citizen").get("/api/voter/applications").jsonPath()
                .getString("headers.authorization");
        assertThat(first).startsWith("Bearer ").isEqualTo(second);
        assertThat(onBehalf).startsWith("Bearer ").isNotEqualTo(first);
    }

    @Test
    void shouldTimeApiRequestsByRouteOnlyNeverByRawPath() {
        String path = "/api/voter/citizens/" + Personas.CITIZEN_CURP + "/eligibility";
        Personas.as("citizen").get(path).then().statusCode(200);
        Personas.as("mobile-backend+citizen").get(path).then().statusCode(200);

        // The timer is recorded as the answer's last bytes go out, so the caller can be a moment ahead.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(registry.find("gateway.requests").tags("route", "voter", "status", "200", "client",
                    "user-token").timer()).isNotNull();
            assertThat(registry.find("gateway.requests").tags("route", "voter", "status", "200", "client",
                    "persona-mobile-backend").timer()).isNotNull();
        });
        // Users are not told apart in metrics: a series per citizen would grow without bound.
        assertThat(registry.find("gateway.requests").timers())
                .allSatisfy(timer -> assertThat(timer.getId().getTag("client")).doesNotStartWith("user:"));
        // Quarkus's own HTTP timer tagged every proxied path as it came (ids, CURPs) until its 100-URI cap:
        // personal data in the metrics, and a meter per path. It now leaves /api to gateway.requests.
        assertThat(registry.find("http.server.requests").timers())
                .allSatisfy(timer -> assertThat(timer.getId().getTag("uri")).doesNotStartWith("/api/"));
        assertThat(registry.getMeters()).allSatisfy(meter -> assertThat(meter.getId().getTags().toString())
                .doesNotContain(Personas.CITIZEN_CURP));
    }

    @Test
    void shouldGenerateRequestIdAndTraceWhenAbsent() {
        Response response = Personas.as("citizen").get("/api/voter/applications");
        response.then().statusCode(200)
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"))
                .body("headers.traceparent", matchesPattern("00-[0-9a-f]{32}-[0-9a-f]{16}-01"));
        assertThat(response.jsonPath().getString("headers.x-request-id")).isEqualTo(response.header("X-Request-Id"));
    }

    @Test
    void shouldRefuseBodyOverRouteLimitWithoutForwarding() {
        int before = GatewayTestResource.consular.requests.get();
        Personas.as("citizen").contentType("application/json").body(new byte[300 * 1024])
                .post("/api/consular/citizens")
                .then().statusCode(413).contentType("application/problem+json");
        Personas.as("citizen").contentType("application/json")
                .body(new java.io.ByteArrayInputStream(new byte[300 * 1024]))
                .post("/api/consular/citizens")
                .then().statusCode(413).contentType("application/problem+json");
        assertThat(GatewayTestResource.consular.requests.get() - before).isLessThanOrEqualTo(1);
    }

    @Test
    void shouldStreamLargeUploadOnUploadRoute() {
        Personas.as("institution").contentType("application/pdf")
                .body(new java.io.ByteArrayInputStream(new byte[4 * 1024 * 1024]))
                .post("/api/scholarships/uploads/attachments")
                .then().statusCode(200).body("bodyBytes", equalTo(4 * 1024 * 1024));
    }

    @Test
    void shouldRefuseNonCanonicalPaths() {
        Personas.as("citizen").get("/api/voter/applications/../ine/callbacks")
                .then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(400), equalTo(403), equalTo(404)));
        Personas.as("citizen").get("/api/voter/x%2F..%2Fine/callbacks")
                .then().statusCode(400).contentType("application/problem+json");
        Personas.as("citizen").get("/api/nowhere").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void shouldAnswer504WhenUpstreamIsSlow() {
        long started = System.nanoTime();
        Personas.as("citizen").get("/api/slow/slow")
                .then().statusCode(504).contentType("application/problem+json");
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(2900);
    }

    @Inject
    MeterRegistry registry;

    @Inject
    AccessLog accessLog;

    @Test
    void shouldWriteTheAccessLogInBatches() {
        // The ACCESS console handler of application.properties, flushed every second, not after each line.
        assertThat(accessLog.batches().handlers()).isNotEmpty()
                .allSatisfy(handler -> assertThat(handler.isAutoFlush()).isFalse());
        // Its format is the bare line (%s%n), so the event loops gather their lines and hand them over in
        // batches of many lines per record.
        assertThat(accessLog.batches().gathers()).isTrue();
    }

    @Test
    void shouldLogACallerThatHungUpWhileTheUpstreamWasSlowAs499() throws Exception {
        // The caller hangs up after 300 ms, while the gateway waits for the slow upstream: the request
        // still gets its access-log line and metric, with nginx's 499 rather than the 504 sent to nobody.
        double before = hungUp();
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.getOutputStream().write(("GET /api/slow/slow HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + Personas.userToken("citizen") + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            Thread.sleep(300);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(hungUp() - before).isEqualTo(1));
    }

    /** Requests on the slow route counted 499 (GatewayUpstreamHangUpTest adds its HTTP/2 one). */
    private double hungUp() {
        Timer left = registry.find("gateway.requests").tags("route", "slow", "status", "499").timer();
        return left == null ? 0 : left.count();
    }

    @Test
    void shouldRetryAFailedConnectionForIdempotentMethodsOnly() {
        for (String method : List.of("GET", "PUT", "DELETE", "POST", "PATCH")) {
            double before = retries(method);
            Personas.as("citizen").contentType("application/json").body("{}").request(method, "/api/refused/anything")
                    .then().statusCode(503).contentType("application/problem+json");
            double expected = List.of("GET", "PUT", "DELETE").contains(method) ? 1 : 0;
            assertThat(retries(method) - before).as(method + " retries").isEqualTo(expected);
        }
    }

    private double retries(String method) {
        Counter counter = registry.find("gateway.upstream.retries").tags("upstream", "refused", "method", method)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void shouldShedLoadWithoutOpeningTheCircuitWhenEveryConnectionIsBusy() throws Exception {
        // One pooled connection, held for 3 s by a slow request: the requests behind it wait 300 ms for
        // it, then get 503 with Retry-After 1. Three of them, over the breaker's threshold of two, and the
        // circuit stays closed: a saturated service is not a failing one.
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            int slowBefore = GatewayTestResource.consular.hits.getOrDefault("/slow", 0);
            Future<Integer> slow = pool.submit(() -> Personas.as("citizen").get("/api/busy/slow").statusCode());
            // Until the service has the slow request, so it holds the connection (a fixed 500 ms was too
            // short for a cold JVM when this class ran first).
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> GatewayTestResource.consular.hits.getOrDefault("/slow", 0) > slowBefore);
            for (int i = 0; i < 3; i++) {
                Personas.as("citizen").get("/api/busy/anything")
                        .then().statusCode(503).contentType("application/problem+json")
                        .header("Retry-After", "1")
                        .body("detail", org.hamcrest.Matchers.containsString("at capacity"));
            }
            assertThat(slow.get()).isEqualTo(200);
            Personas.as("citizen").get("/api/busy/anything").then().statusCode(200);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldAnswer503FastWithoutPileUpWhenUpstreamIsDown() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Callable<long[]>> calls = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                calls.add(() -> {
                    long started = System.nanoTime();
                    Response response = Personas.as("citizen").get("/api/down/anything");
                    return new long[] {response.statusCode(), (System.nanoTime() - started) / 1_000_000,
                        response.contentType().startsWith("application/problem+json") ? 1 : 0,
                        response.header("Retry-After") == null ? 0 : 1};
                });
            }
            for (Future<long[]> result : pool.invokeAll(calls)) {
                long[] outcome = result.get();
                assertThat(outcome[0]).isEqualTo(503);
                assertThat(outcome[1]).as("ms to answer").isLessThan(1000);
                assertThat(outcome[2]).isEqualTo(1);
                assertThat(outcome[3]).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldRateLimitPerClientWithHeaders() {
        String clientId = "limited-client";
        given().auth().oauth2(Personas.adminToken()).contentType("application/json")
                .body(java.util.Map.of("clientId", clientId, "name", "Limited", "role", "support-partner",
                        "scopes", List.of("consular:read"), "requestsPerSecond", 2))
                .post("/admin/clients").then().statusCode(201);
        String key = Personas.newKey(clientId);
        int limited = 0;
        Response last = null;
        for (int i = 0; i < 10; i++) {
            Response response = given().header("X-Api-Key", key).get("/api/consular/consulates");
            if (response.statusCode() == 429) {
                limited++;
                last = response;
            } else {
                assertThat(response.header("RateLimit-Limit")).isEqualTo("2");
            }
        }
        assertThat(limited).isGreaterThan(0);
        last.then().contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .header("RateLimit-Remaining", "0");
    }

    @Test
    void shouldApplyStricterBookingLimitPerCitizen() {
        String token = TestIdentityProvider.user("booker", List.of("citizen"),
                java.util.Map.of("curp", "GODE561231HDFABC09"));
        int accepted = 0;
        int refused = 0;
        for (int i = 0; i < 8; i++) {
            int status = given().auth().oauth2(token).contentType("application/json").body("{}")
                    .post("/api/consular/appointments").statusCode();
            if (status == 200) {
                accepted++;
            } else if (status == 429) {
                refused++;
            }
        }
        assertThat(accepted).isEqualTo(5);
        assertThat(refused).isEqualTo(3);
        given().auth().oauth2(token).get("/api/consular/consulates").then().statusCode(200);
    }
}
