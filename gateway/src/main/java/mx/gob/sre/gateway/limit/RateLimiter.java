package mx.gob.sre.gateway.limit;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.github.benmanes.caffeine.cache.Cache;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import mx.gob.sre.gateway.GatewayConfig;
import mx.gob.sre.gateway.Routes;
import mx.gob.sre.gateway.auth.GatewayPrincipal;
import mx.gob.sre.platform.cache.Caches;

/**
 * Token buckets per client and per citizen, by route policy. The buckets live in this replica's memory:
 * with N replicas behind a balancer a client can get up to N times the configured rate. Size the limits
 * per replica, or divide them by the replica count (see docs/gateway.md).
 */
@ApplicationScoped
public class RateLimiter {

    public static final String BOOKING_POLICY = "booking";

    /** The outcome, with what the RateLimit headers report: the tightest bucket that applied. */
    public record Decision(boolean allowed, long limit, long remaining, long resetSeconds, long retryAfterSeconds) {
    }

    private record Probe(long capacity, ConsumptionProbe probe) {
    }

    /** Whose bucket: an API client's, a user's (calls with a user token alone) or a citizen's. */
    private enum Holder { CLIENT, USER, CITIZEN }

    /**
     * A bucket's identity: the policy, who holds it, and its limit (a client whose record changes its limit
     * gets a new bucket). A record, not a joined string: no text is built per request.
     */
    private record BucketKey(String policy, Holder holder, String id, long capacity, Duration period) {
    }

    @Inject
    GatewayConfig config;

    private final Cache<BucketKey, Bucket> buckets = Caches.builder()
            .maximumSize(1_000_000)
            .expireAfterAccess(Duration.ofMinutes(30))
            .build();

    public Decision check(Routes.Match match, GatewayPrincipal principal) {
        String policyName = match.route().rateLimit();
        GatewayConfig.RateLimit policy = config.rateLimits().get(policyName);
        if (policy == null) {
            policy = config.rateLimits().get("default");
        }
        if (policy == null) {
            return new Decision(true, -1, -1, 0, 0);
        }
        GatewayConfig.Bucket clientBucket = clientBucket(policyName, policy, principal);
        Probe tightest = principal.clientId() != null
                ? consume(policyName, Holder.CLIENT, principal.clientId(), clientBucket)
                : consume(policyName, Holder.USER, principal.subject(), clientBucket);
        if (tightest.probe().isConsumed() && principal.curp() != null) {
            Probe citizen = consume(policyName, Holder.CITIZEN, principal.curp(), policy.perCitizen());
            if (!citizen.probe().isConsumed()
                    || citizen.probe().getRemainingTokens() < tightest.probe().getRemainingTokens()) {
                tightest = citizen;
            }
        }
        ConsumptionProbe probe = tightest.probe();
        long reset = seconds(probe.getNanosToWaitForReset());
        if (probe.isConsumed()) {
            return new Decision(true, tightest.capacity(), probe.getRemainingTokens(), reset, 0);
        }
        return new Decision(false, tightest.capacity(), 0, reset, Math.max(1, seconds(probe.getNanosToWaitForRefill())));
    }

    /** A client's own limits, where its record sets them, replace the policy's. */
    private static GatewayConfig.Bucket clientBucket(String policyName, GatewayConfig.RateLimit policy,
            GatewayPrincipal principal) {
        if (principal.client() != null) {
            if (BOOKING_POLICY.equals(policyName) && principal.client().bookingsPerMinute() != null) {
                return bucket(principal.client().bookingsPerMinute(), Duration.ofMinutes(1));
            }
            if (!BOOKING_POLICY.equals(policyName) && principal.client().requestsPerSecond() != null) {
                return bucket(principal.client().requestsPerSecond(), Duration.ofSeconds(1));
            }
        }
        return policy.perClient();
    }

    private Probe consume(String policy, Holder holder, String id, GatewayConfig.Bucket limit) {
        Bucket bucket = buckets.get(new BucketKey(policy, holder, id, limit.capacity(), limit.period()),
                ignored -> Bucket.builder()
                        .addLimit(Bandwidth.builder().capacity(limit.capacity())
                                .refillGreedy(limit.capacity(), limit.period()).build())
                        .build());
        return new Probe(limit.capacity(), bucket.tryConsumeAndReturnRemaining(1));
    }

    private static long seconds(long nanos) {
        return (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1);
    }

    private static GatewayConfig.Bucket bucket(long capacity, Duration period) {
        return new GatewayConfig.Bucket() {
            @Override
            public long capacity() {
                return capacity;
            }

            @Override
            public Duration period() {
                return period;
            }
        };
    }
}
