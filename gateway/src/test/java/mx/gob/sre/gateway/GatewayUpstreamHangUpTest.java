package mx.gob.sre.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.restassured.RestAssured;

/**
 * A pooled upstream connection that ends before any byte of the answer, as when the service behind it is
 * killed between two requests: an idempotent request goes again on another connection, one that may have
 * had an effect is answered 502, and every request is answered at once, over HTTP/1.1 and HTTP/2 (the
 * JDK's client upgrades to h2c, as drill 4's does).
 */
@QuarkusTest
@WithTestResource(GatewayTestResource.class)
class GatewayUpstreamHangUpTest {

    @Inject
    MeterRegistry registry;

    @Inject
    Vertx vertx;

    @Test
    void shouldSendAnIdempotentRequestAgainWhenItsPooledConnectionEndsUnanswered() throws Exception {
        for (HttpClient.Version version : HttpClient.Version.values()) {
            HttpClient client = HttpClient.newBuilder().version(version).build();
            double resentBefore = resent("GET");
            int hungUpBefore = GatewayTestResource.hangUp.hungUp.get();
            double putsResentBefore = resent("PUT");
            for (int i = 0; i < 5; i++) {
                HttpResponse<String> response = send(client, "GET", null);
                assertThat(response.statusCode()).as(version + " GET " + i + ": " + response.body()).isEqualTo(200);
                assertThat(response.body()).contains("answered");
                assertThat(response.version()).isEqualTo(version);
            }
            int hungUp = GatewayTestResource.hangUp.hungUp.get() - hungUpBefore;
            assertThat(hungUp).as(version + ": pooled connections that ended under a GET").isGreaterThanOrEqualTo(4);
            assertThat(resent("GET") - resentBefore).as(version + ": GETs sent again").isEqualTo(hungUp);
            // A PUT with an empty body (Content-Length: 0) is idempotent and has nothing to send twice.
            for (int i = 0; i < 2; i++) {
                HttpResponse<String> response = send(client, "PUT", "");
                assertThat(response.statusCode()).as(version + " PUT " + i + ": " + response.body()).isEqualTo(200);
            }
            assertThat(resent("PUT") - putsResentBefore).as(version + ": PUTs sent again").isEqualTo(2);
        }
    }

    @Test
    void shouldAnswer502AtOnceWhenARequestThatMayHaveActedLosesItsConnection() throws Exception {
        for (HttpClient.Version version : HttpClient.Version.values()) {
            HttpClient client = HttpClient.newBuilder().version(version).build();
            send(client, "GET", null);
            int hungUp = GatewayTestResource.hangUp.hungUp.get();
            long started = System.nanoTime();
            HttpResponse<String> response = send(client, "POST", "{}");
            assertThat((System.nanoTime() - started) / 1_000_000).as(version + ": ms to answer").isLessThan(1000);
            assertThat(response.statusCode()).as(version + " POST: " + response.body()).isEqualTo(502);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.body()).contains("\"status\":502").doesNotContain("Exception");
            assertThat(GatewayTestResource.hangUp.hungUp.get()).as("the POST reached the service").isEqualTo(hungUp + 1);
        }
        assertThat(resent("POST")).isZero();
    }

    @Test
    void shouldLogAnHttp2AnswerWithItsOwnStatus() throws Exception {
        // An HTTP/2 answer's stream is closed once it has ended: that is not a caller gone (499).
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        double before = answered(200);
        for (int i = 0; i < 3; i++) {
            assertThat(send(client, "GET", null).statusCode()).isEqualTo(200);
        }
        // The line is written as the answer's last frame goes out, so the caller can be a moment ahead.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(answered(200) - before).isEqualTo(3));
        assertThat(answered(499)).isZero();
    }

    @Test
    void shouldLogAnHttp2CallerThatResetItsStreamWhileTheUpstreamWasSlowAs499() throws Exception {
        // The HTTP/2 counterpart of GatewayForwardingTest's socket test: the caller resets its stream after
        // 300 ms, while the slow route's upstream takes 3 s.
        double before = answered("slow", 499);
        io.vertx.core.http.HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                .setProtocolVersion(HttpVersion.HTTP_2).setHttp2ClearTextUpgrade(false));
        try {
            HttpClientRequest request = client.request(HttpMethod.GET, RestAssured.port, "localhost", "/api/slow/slow")
                    .toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            request.putHeader("Authorization", "Bearer " + Personas.userToken("citizen")).end();
            Thread.sleep(300);
            assertThat(request.version()).isEqualTo(HttpVersion.HTTP_2);
            request.reset();
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(answered("slow", 499) - before).isEqualTo(1));
        } finally {
            client.close();
        }
    }

    private double answered(int status) {
        return answered("hangup", status);
    }

    private double answered(String route, int status) {
        return registry.find("gateway.requests").tags("route", route, "status", String.valueOf(status)).timers()
                .stream().mapToLong(Timer::count).sum();
    }

    private double resent(String method) {
        Counter counter = registry.find("gateway.upstream.retries")
                .tags("upstream", "hangup", "method", method, "cause", "connection-lost").counter();
        return counter == null ? 0 : counter.count();
    }

    private static HttpResponse<String> send(HttpClient client, String method, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/api/hangup/x"))
                .timeout(Duration.ofSeconds(15))
                .header("Authorization", "Bearer " + Personas.userToken("citizen"))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
