package mx.gob.sre.gateway.health;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import mx.gob.sre.gateway.GatewayConfig;
import mx.gob.sre.gateway.proxy.UpstreamProxies;

/**
 * Shows each upstream's own readiness and circuit state. The check itself stays UP when an upstream is
 * down: the gateway still serves the other services and answers 503 for the missing one, so taking it
 * out of the load balancer would only make things worse.
 */
@Readiness
@ApplicationScoped
public class UpstreamsHealth implements AsyncHealthCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    @Inject
    GatewayConfig config;

    @Inject
    UpstreamProxies proxies;

    private final HttpClient client;

    @Inject
    public UpstreamsHealth(Vertx vertx) {
        this.client = vertx.createHttpClient();
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        Map<String, String> breakers = proxies.breakerStates();
        List<Future<String>> probes = new ArrayList<>();
        List<String> names = new ArrayList<>(new TreeMap<>(config.upstreams()).keySet());
        for (String name : names) {
            probes.add(probe(config.upstreams().get(name).url()));
        }
        Future<Void> all = Future.join(new ArrayList<>(probes)).mapEmpty();
        return Uni.createFrom().completionStage(all.otherwiseEmpty().toCompletionStage()).map(ignored -> {
            HealthCheckResponseBuilder builder = HealthCheckResponse.named("upstreams").up();
            for (int i = 0; i < names.size(); i++) {
                Future<String> probe = probes.get(i);
                String state = probe.succeeded() ? probe.result() : "DOWN";
                builder.withData(names.get(i), state + " (circuit " + breakers.get(names.get(i)) + ")");
            }
            return builder.build();
        });
    }

    private Future<String> probe(String baseUrl) {
        URI url = URI.create(baseUrl);
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setHost(url.getHost())
                .setPort(url.getPort())
                .setURI("/q/health/ready")
                .setConnectTimeout(TIMEOUT.toMillis())
                .setIdleTimeout(TIMEOUT.toMillis());
        return client.request(options)
                .compose(request -> request.send())
                .compose(response -> response.body().map(body -> response.statusCode() == 200 ? "UP" : "DOWN"))
                .otherwise("DOWN");
    }
}
