package mx.gob.sre.platform.idempotency;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.quarkus.scheduler.Scheduled;
import mx.gob.sre.platform.problem.ApiException;
import mx.gob.sre.platform.problem.FieldError;
import mx.gob.sre.platform.problem.ProblemType;
import mx.gob.sre.platform.security.Caller;

/**
 * Idempotency-Key support for unsafe requests, in the caller's transaction. The first request with a
 * key runs and its result is stored with the hash of its body; a repeat with the same body gets the
 * stored result back without running again, and a repeat with another body gets 422. Keys are scoped
 * to the caller and the operation and remembered for 24 hours. A request that fails stores nothing, so
 * it can be retried with the same key. Two concurrent requests with one key are serialized by the
 * key's row: the second waits for the first, then replays its result.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    static final Duration REMEMBERED = Duration.ofHours(24);

    /** The response header that marks a replayed result. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    /** A result, and whether it was replayed from an earlier request. */
    public record Outcome<T>(T value, boolean replayed) {

        /** The response with this result as its entity, marked when it was replayed. */
        public jakarta.ws.rs.core.Response respond(jakarta.ws.rs.core.Response.ResponseBuilder response) {
            response.entity(value);
            if (replayed) {
                response.header(REPLAYED_HEADER, "true");
            }
            return response.build();
        }
    }

    @Inject
    EntityManager entityManager;

    @Inject
    Caller caller;

    private final ObjectMapper mapper;
    private final ObjectMapper canonical;

    @Inject
    public Idempotency(ObjectMapper objectMapper) {
        this.mapper = objectMapper;
        this.canonical = JsonMapper.builder()
                .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .findAndAddModules()
                .build();
    }

    /**
     * Runs {@code action} once per key. Without a key it simply runs.
     *
     * @param key       the Idempotency-Key header, or null
     * @param operation a stable name of the operation, e.g. {@code book-appointment}
     * @param request   the request body (or what identifies the request), hashed to detect reuse
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> Outcome<T> once(String key, String operation, Object request, Class<T> resultType, Supplier<T> action) {
        if (key == null) {
            return new Outcome<>(action.get(), false);
        }
        if (key.isEmpty() || key.length() > 255 || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw new ApiException(ProblemType.VALIDATION, "Idempotency-Key must be 1 to 255 visible ASCII characters",
                    List.of(new FieldError(HEADER, "must be 1 to 255 visible ASCII characters")));
        }
        String scope = caller.auditId() + "|" + operation;
        byte[] hash = hash(request);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        entityManager.createNativeQuery(
                "DELETE FROM idempotency_key WHERE scope = :scope AND idem_key = :key AND created_at < :expired")
                .setParameter("scope", scope).setParameter("key", key)
                .setParameter("expired", now.minus(REMEMBERED))
                .executeUpdate();
        int inserted = entityManager.createNativeQuery("""
                INSERT INTO idempotency_key (scope, idem_key, request_hash, created_at)
                VALUES (:scope, :key, :hash, :now) ON CONFLICT (scope, idem_key) DO NOTHING""")
                .setParameter("scope", scope).setParameter("key", key).setParameter("hash", hash)
                .setParameter("now", now)
                .executeUpdate();
        if (inserted == 1) {
            T result = action.get();
            entityManager.createNativeQuery(
                    "UPDATE idempotency_key SET response = :response WHERE scope = :scope AND idem_key = :key")
                    .setParameter("response", toJson(result)).setParameter("scope", scope).setParameter("key", key)
                    .executeUpdate();
            return new Outcome<>(result, false);
        }
        Object[] stored = (Object[]) entityManager.createNativeQuery(
                "SELECT request_hash, response FROM idempotency_key WHERE scope = :scope AND idem_key = :key")
                .setParameter("scope", scope).setParameter("key", key)
                .getSingleResult();
        if (!Arrays.equals((byte[]) stored[0], hash)) {
            throw new ApiException(ProblemType.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was used with a different request in the last 24 hours");
        }
        if (stored[1] == null) {
            throw ApiException.conflict("A request with this Idempotency-Key is still in progress");
        }
        try {
            return new Outcome<>(mapper.readValue((String) stored[1], resultType), true);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored idempotent result cannot be read", e);
        }
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void forgetExpired() {
        entityManager.createNativeQuery("DELETE FROM idempotency_key WHERE created_at < :expired")
                .setParameter("expired", OffsetDateTime.now(ZoneOffset.UTC).minus(REMEMBERED))
                .executeUpdate();
    }

    private byte[] hash(Object request) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(canonical.writeValueAsBytes(request));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("request cannot be hashed", e);
        }
    }

    private String toJson(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("result cannot be stored", e);
        }
    }
}
