package mx.gob.sre.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;

/**
 * The read-ahead on a real Vert.x router: the handler behind it answers whether the body was already
 * read ({@code RoutingContext.body().available()}) and, if so, echoes it.
 */
class JsonBodiesTest {

    private static final long LIMIT = 64;
    private static Vertx vertx;
    private static HttpServer server;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        new JsonBodies().register(router, new MemorySize(java.math.BigInteger.valueOf(LIMIT)));
        router.route().handler(context -> {
            if (context.body().available()) {
                context.response().end("read ahead: " + context.body().asString());
            } else {
                // The endpoint's own path: read the stream itself.
                context.request().body().onSuccess(body -> context.response().end("streamed: " + body));
            }
        });
        server = vertx.createHttpServer().requestHandler(router).listen(0).toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aJsonBodyOfDeclaredLengthIsReadBeforeTheEndpoint() throws Exception {
        assertThat(post("application/json", "{\"curp\":\"X\"}")).isEqualTo("read ahead: {\"curp\":\"X\"}");
        assertThat(post("application/merge-patch+json; charset=UTF-8", "{}")).isEqualTo("read ahead: {}");
    }

    @Test
    void otherBodiesTakeTheEndpointsOwnPath() throws Exception {
        assertThat(post("text/plain", "hello")).isEqualTo("streamed: hello");
        assertThat(post(null, "{}")).isEqualTo("streamed: {}");
        String tooLong = "{\"x\":\"" + "a".repeat((int) LIMIT) + "\"}";
        assertThat(post("application/json", tooLong)).isEqualTo("streamed: " + tooLong);
    }

    @Test
    void aChunkedBodyIsNotReadAhead() throws Exception {
        // No Content-Length: the JDK client sends a publisher of unknown length chunked.
        HttpRequest request = HttpRequest.newBuilder(uri()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofString("{}")))
                .version(HttpClient.Version.HTTP_1_1).build();
        assertThat(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("streamed: {}");
    }

    @Test
    void recognisesJsonMediaTypesAndDeclaredLengths() {
        assertThat(JsonBodies.isJson("application/json")).isTrue();
        assertThat(JsonBodies.isJson("Application/JSON ; charset=utf-8")).isTrue();
        assertThat(JsonBodies.isJson("application/problem+json")).isTrue();
        assertThat(JsonBodies.isJson("text/json")).isFalse();
        assertThat(JsonBodies.isJson("multipart/form-data; boundary=x")).isFalse();
        assertThat(JsonBodies.declaredLength("12", LIMIT)).isTrue();
        assertThat(JsonBodies.declaredLength(String.valueOf(LIMIT), LIMIT)).isTrue();
        assertThat(JsonBodies.declaredLength(String.valueOf(LIMIT + 1), LIMIT)).isFalse();
        assertThat(JsonBodies.declaredLength("0", LIMIT)).isFalse();
        assertThat(JsonBodies.declaredLength("-1", LIMIT)).isFalse();
        assertThat(JsonBodies.declaredLength("12, 12", LIMIT)).isFalse();
    }

    private static String post(String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri()).version(HttpClient.Version.HTTP_1_1)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static URI uri() {
        return URI.create("http://127.0.0.1:" + server.actualPort() + "/things");
    }
}
