package mx.gob.sre.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.ext.web.RoutingContext;
import mx.gob.sre.gateway.proxy.UpstreamProxies;
import mx.gob.sre.platform.web.RequestIds;

/**
 * One JSON line per request on the {@code gateway.access} logger: client, route, status, total time and
 * upstream time (Kong's "proxy latency"). Query strings are left out and CURPs in paths are masked, so
 * the log holds no personal data. The same figures feed the {@code gateway.requests} timer.
 */
@ApplicationScoped
public class AccessLog {

    private static final Logger LOG = Logger.getLogger("gateway.access");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CURP = Pattern.compile("([A-Za-z]{4})[0-9]{6}[A-Za-z0-9]{8}");

    @Inject
    MeterRegistry registry;

    /** What is known of a request as it goes through the gateway. */
    public static final class Entry {
        private final long started = System.nanoTime();
        private String route = "unmatched";
        private String client = "anonymous";

        public void route(String name) {
            route = name;
        }

        public void client(String id) {
            client = id;
        }
    }

    public Entry start(RoutingContext context) {
        Entry entry = new Entry();
        context.addBodyEndHandler(ignored -> finish(context, entry));
        return entry;
    }

    private void finish(RoutingContext context, Entry entry) {
        long totalNanos = System.nanoTime() - entry.started;
        int status = context.response().getStatusCode();
        String upstream = context.response().headers().get(UpstreamProxies.UPSTREAM_LATENCY_HEADER);
        Timer.builder("gateway.requests")
                .tag("route", entry.route)
                .tag("client", entry.client)
                .tag("status", String.valueOf(status))
                .register(registry)
                .record(Duration.ofNanos(totalNanos));
        if (!LOG.isInfoEnabled()) {
            return;
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", Instant.now().toString());
        line.put("requestId", context.get(RequestIds.MDC_KEY));
        line.put("method", context.request().method().name());
        line.put("path", maskPath(context.request().path()));
        line.put("route", entry.route);
        line.put("client", entry.client);
        line.put("status", status);
        line.put("totalMs", totalNanos / 1_000_000.0);
        line.put("upstreamMs", upstream == null ? null : Long.valueOf(upstream));
        try {
            LOG.info(JSON.writeValueAsString(line));
        } catch (JsonProcessingException e) {
            LOG.warn("access log line could not be written");
        }
    }

    static String maskPath(String path) {
        return path == null ? null : CURP.matcher(path).replaceAll("$1**************");
    }
}
