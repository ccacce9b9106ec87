package mx.gob.sre.gateway;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Everything the gateway does per upstream and per route, from configuration. */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    Map<String, Upstream> upstreams();

    /** Named routes; the name appears in metrics and the access log. The longest matching prefix wins. */
    Map<String, Route> routes();

    InternalToken internalToken();

    ApiKeys apiKeys();

    Map<String, RateLimit> rateLimits();

    AccessLog accessLog();

    interface Upstream {
        /** Base URL of the service, e.g. http://consular-service:8081. */
        String url();

        /** The public path prefix removed before forwarding, e.g. /api/consular. */
        String mount();

        /** Longest wait to open a TCP connection: a refused or unreachable service fails within it. */
        @WithDefault("500ms")
        Duration connectTimeout();

        /**
         * Longest wait for a free pooled connection when all {@link #maxConnections()} are busy. A request
         * that waits longer gets 503 with Retry-After and does not count against the circuit breaker,
         * since the service is saturated rather than failing.
         */
        @WithDefault("2s")
        Duration poolWait();

        /** Longest wait for the upstream's response (idle time on the connection). */
        @WithDefault("10s")
        Duration responseTimeout();

        @WithDefault("256K")
        MemorySize maxBodySize();

        /** Extra attempts to connect, for idempotent methods only. */
        @WithDefault("1")
        int retries();

        @WithDefault("200")
        int maxConnections();

        Breaker breaker();
    }

    interface Breaker {
        /** Consecutive transport failures (refused, timed out) that open the circuit. */
        @WithDefault("5")
        int failureThreshold();

        /** How long an open circuit answers 503 before it lets a trial request through. */
        @WithDefault("5s")
        Duration openFor();
    }

    interface Route {
        /** Path prefix, matched on a segment boundary. */
        String prefix();

        String upstream();

        /** Methods the route applies to; all when empty. */
        Optional<List<String>> methods();

        /** Overrides the upstream's body limit for this route. */
        Optional<MemorySize> maxBodySize();

        /** User roles (from user tokens) allowed on the route; all suite user roles when empty. */
        Optional<List<String>> userRoles();

        /** Roles of API-key clients allowed on the route; all client roles when empty. */
        Optional<List<String>> clientRoles();

        /**
         * Scope an API-key client needs. Default: {@code <upstream>:read} for GET, HEAD and OPTIONS,
         * {@code <upstream>:write} otherwise.
         */
        Optional<String> scope();

        /** Name of a policy under gateway.rate-limits; "default" when empty. */
        @WithDefault("default")
        String rateLimit();
    }

    interface InternalToken {
        /** PKCS#8 PEM of the RSA key that signs internal tokens (from a Secret in production). */
        String privateKey();

        @WithDefault("https://gateway.consular-suite.internal")
        String issuer();

        @WithDefault("consular-suite")
        String audience();

        @WithDefault("120s")
        Duration lifetime();
    }

    interface ApiKeys {
        /** How often each replica reloads keys and clients, so revocations reach every replica. */
        @WithDefault("5s")
        Duration refreshInterval();

        @WithDefault("2")
        int maxActivePerClient();
    }

    interface AccessLog {
        /**
         * How long access-log lines may wait in the handler's buffer (nginx's {@code access_log ... flush=});
         * they are also written whenever 8 KiB have gathered. 0 writes every line at once.
         */
        @WithDefault("1s")
        Duration flushInterval();
    }

    interface RateLimit {
        /** Per API client (or per user, for calls without a client). */
        Bucket perClient();

        /** Per citizen (CURP of the user token). */
        Bucket perCitizen();
    }

    interface Bucket {
        /** Tokens available at once (the burst). */
        long capacity();

        /** Time to refill the whole capacity. */
        Duration period();
    }
}
