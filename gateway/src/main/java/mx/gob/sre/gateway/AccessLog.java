package mx.gob.sre.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import mx.gob.sre.gateway.proxy.UpstreamProxies;
import mx.gob.sre.platform.web.RequestIds;

/**
 * One JSON line per request on the {@code gateway.access} logger: client, route, status, total time and
 * upstream time (Kong's "proxy latency"). Query strings are left out and CURPs in paths are masked, so
 * the log holds no personal data. The same figures feed the {@code gateway.requests} timer. Lines are
 * gathered per event loop and written in batches ({@code gateway.access-log.flush-interval},
 * {@link LogBatches}).
 */
@ApplicationScoped
public class AccessLog {

    static final String CATEGORY = "gateway.access";
    private static final Logger LOG = Logger.getLogger(CATEGORY);
    /** nginx's "client closed request": the caller went away before the answer ended. */
    static final int CLIENT_CLOSED_REQUEST = 499;
    private static final Pattern CURP = Pattern.compile("([A-Za-z]{4})[0-9]{6}[A-Za-z0-9]{8}");

    @Inject
    MeterRegistry registry;

    @Inject
    GatewayConfig config;

    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    /** Every line at once until start-up has batched the category's handlers. */
    private volatile LogBatches batches = LogBatches.start(CATEGORY, Duration.ZERO);

    void startBatches(@Observes StartupEvent started) {
        batches = LogBatches.start(CATEGORY, config.accessLog().flushInterval());
    }

    void endBatches(@Observes ShutdownEvent stopping) {
        batches.close();
    }

    /** The handlers writing the access log in batches (none when every line is written at once). */
    LogBatches batches() {
        return batches;
    }

    /** What is known of a request as it goes through the gateway. */
    public static final class Entry {
        private final long started = System.nanoTime();
        private String route = "unmatched";
        private String client = "anonymous";
        private String meteredClient = "anonymous";

        public void route(String name) {
            route = name;
        }

        /** The caller as the log line names it, and as the timer's {@code client} tag does. */
        public void client(String logged, String metered) {
            client = logged;
            meteredClient = metered;
        }
    }

    /**
     * Starts the line of a request. It is written when the answer has ended or, if the caller's connection
     * closes first (an answer still being sent, or the upstream still being waited for), then.
     */
    public Entry start(RoutingContext context) {
        Entry entry = new Entry();
        context.addEndHandler(ended -> finish(context, entry, ended.failed()));
        return entry;
    }

    private void finish(RoutingContext context, Entry entry, boolean callerGone) {
        long totalNanos = System.nanoTime() - entry.started;
        // Both are needed over HTTP/1.x: for a caller gone while the upstream still worked, the end handlers
        // report the proxy's later answer to the closed connection as ended, and only closed() tells (the
        // socket test in GatewayForwardingTest fails without it). Over HTTP/2 the last frame of an answer
        // closes its stream before Vert.x calls the end handler, so they report every answer as failed:
        // there only an answer not ended when they ran means a caller gone (GatewayUpstreamHangUpTest).
        boolean gone = context.request().version() == HttpVersion.HTTP_2 ? !context.response().ended()
                : callerGone || context.response().closed();
        int status = status(gone, context.response().getStatusCode());
        timer(entry.route, entry.meteredClient, status).record(totalNanos, TimeUnit.NANOSECONDS);
        if (LOG.isInfoEnabled()) {
            Instant time = Instant.now();
            String requestId = context.get(RequestIds.MDC_KEY);
            String method = context.request().method().name();
            String path = context.request().path();
            String upstreamMs = context.response().headers().get(UpstreamProxies.UPSTREAM_LATENCY_HEADER);
            batches.write(text -> appendLine(text, time, requestId, method, path, entry.route, entry.client, status,
                    totalNanos, upstreamMs));
        }
    }

    /**
     * The status to log: {@value #CLIENT_CLOSED_REQUEST} when the caller's connection was gone before the
     * answer ended. Vert.x's proxy then ends the answer with 502 to nobody (the upstream request it had
     * to cancel), which counted as a failure of the service in the log and the metrics (bench/README.md).
     */
    static int status(boolean connectionClosed, int answered) {
        return connectionClosed ? CLIENT_CLOSED_REQUEST : answered;
    }

    /**
     * The timer of a route, client and status, registered once instead of building and looking up a meter
     * id on every request (metrics were about 2% of the gateway's CPU at full load; bench/README.md).
     */
    Timer timer(String route, String client, int status) {
        return timers.computeIfAbsent(route + '\n' + client + '\n' + status,
                key -> Timer.builder("gateway.requests").tag("route", route).tag("client", client)
                        .tag("status", String.valueOf(status)).register(registry));
    }

    /**
     * One access-log line, appended to {@code line} (the thread's batch of lines) with strings Jackson's
     * encoder escapes: no generator, writer or buffers per line, which were about a third of the log's cost
     * (bench/README.md).
     */
    static StringBuilder appendLine(StringBuilder line, Instant time, String requestId, String method, String path,
            String route, String client, int status, long totalNanos, String upstreamMs) {
        line.append('{');
        appendTime(line.append("\"time\":\""), time).append("\",");
        field(line, "requestId", requestId).append(',');
        field(line, "method", method).append(',');
        field(line, "path", maskPath(path)).append(',');
        field(line, "route", route).append(',');
        field(line, "client", client).append(",\"status\":").append(status)
                .append(",\"totalMs\":").append(totalNanos / 1_000_000.0)
                .append(",\"upstreamMs\":");
        Long upstream = milliseconds(upstreamMs);
        return (upstream == null ? line.append("null") : line.append(upstream.longValue())).append('}');
    }

    /** The second last written, as Instant.toString prints it up to its fraction: one per second, not per line. */
    private record Second(long epochSecond, String text) {
    }

    private static volatile Second lastSecond = new Second(Long.MIN_VALUE, "");

    /**
     * Appends {@code time} exactly as {@link Instant#toString()} prints it (the fraction in groups of three
     * digits, none when zero), formatting the date and time of day once per second: Instant.toString was
     * about a third of the line's cost.
     */
    static StringBuilder appendTime(StringBuilder line, Instant time) {
        Second second = lastSecond;
        if (second.epochSecond() != time.getEpochSecond()) {
            String whole = Instant.ofEpochSecond(time.getEpochSecond()).toString();
            second = new Second(time.getEpochSecond(), whole.substring(0, whole.length() - 1));
            lastSecond = second;
        }
        line.append(second.text());
        int nanos = time.getNano();
        if (nanos != 0) {
            line.append('.');
            if (nanos % 1_000_000 == 0) {
                digits(line, nanos / 1_000_000, 3);
            } else if (nanos % 1_000 == 0) {
                digits(line, nanos / 1_000, 6);
            } else {
                digits(line, nanos, 9);
            }
        }
        return line.append('Z');
    }

    private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private static void digits(StringBuilder line, int value, int width) {
        for (int divisor = POWERS_OF_TEN[width - 1]; divisor > 0; divisor /= 10) {
            line.append((char) ('0' + value / divisor % 10));
        }
    }

    private static StringBuilder field(StringBuilder line, String name, String value) {
        line.append('"').append(name).append("\":");
        if (value == null) {
            return line.append("null");
        }
        line.append('"');
        JsonStringEncoder.getInstance().quoteAsString(value, line);
        return line.append('"');
    }

    private static Long milliseconds(String header) {
        if (header == null) {
            return null;
        }
        try {
            return Long.valueOf(header);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String maskPath(String path) {
        return path == null || !mayHoldCurp(path) ? path : CURP.matcher(path).replaceAll("$1**************");
    }

    /** A CURP is 18 characters, six of them digits: shorter paths and paths without a digit skip the pattern. */
    private static boolean mayHoldCurp(String path) {
        if (path.length() < 18) {
            return false;
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }
}
