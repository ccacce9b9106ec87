package mx.gob.sre.platform.web;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.MDC;

import io.vertx.ext.web.Router;

/**
 * Gives every request an X-Request-Id: the caller's (or the gateway's) if it is well-formed, a new one
 * otherwise. The id is put in the logging MDC as {@code requestId}, so it appears in every log line of
 * the request, and is echoed on every response, errors included.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";

    /** Ids are echoed into logs and headers, so only a safe alphabet and a bounded length are kept. */
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 10).handler(context -> {
            String id = accept(context.request().getHeader(HEADER));
            MDC.put(MDC_KEY, id);
            context.put(MDC_KEY, id);
            context.response().putHeader(HEADER, id);
            context.addHeadersEndHandler(ignored -> context.response().headers().set(HEADER, id));
            context.next();
        });
    }

    /** The incoming id if it is safe to log, or a fresh one. */
    public static String accept(String candidate) {
        if (candidate != null && ACCEPTED.matcher(candidate).matches()) {
            return candidate;
        }
        return fresh();
    }

    /**
     * A random (version 4) UUID from the thread's fast generator: an id must be unique, not unguessable, so
     * it need not cost a draw from the shared SecureRandom of {@link UUID#randomUUID()}.
     */
    static String fresh() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & ~0xC000_0000_0000_0000L) | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }

    /** The current request's id, or null outside a request. */
    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? null : id.toString();
    }
}
