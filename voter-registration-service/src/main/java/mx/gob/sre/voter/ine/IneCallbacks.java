package mx.gob.sre.voter.ine;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import mx.gob.sre.platform.problem.ApiException;
import mx.gob.sre.platform.problem.ProblemType;
import mx.gob.sre.voter.application.ApplicationApi.RemediationReason;
import mx.gob.sre.voter.application.ApplicationService;
import mx.gob.sre.voter.application.ApplicationStatus;

/**
 * Status reports from INE. A callback must carry a valid signature over its timestamp and body, the
 * timestamp must be recent, and its id must be new: a repeat with the same body is acknowledged with no
 * second effect, a different body under a used id is refused as a replay. Every callback is recorded,
 * refused ones too, with the reason.
 */
@ApplicationScoped
public class IneCallbacks {

    private static final Logger LOG = Logger.getLogger(IneCallbacks.class);

    /** A callback as INE sends it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Callback(String callbackId, String folio, ApplicationStatus status, Instant occurredAt,
            List<RemediationReason> reasons, LocalDate remediationDeadline) {
    }

    /** The outcome, for the answer. */
    public record Receipt(String callbackId, String outcome) {
    }

    @Inject
    EntityManager em;

    @Inject
    IneConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    ApplicationService applications;

    public Receipt receive(String timestamp, String signature, String body) {
        if (!IneSignature.verify(config.callbackSecret(), timestamp, body, signature)) {
            refuse(null, null, null, "BAD_SIGNATURE", "the signature does not match");
            throw new ApiException(ProblemType.UNAUTHENTICATED, "The callback signature is not valid");
        }
        long skew;
        try {
            skew = Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp.trim()));
        } catch (NumberFormatException e) {
            skew = Long.MAX_VALUE;
        }
        if (skew > config.callbackMaxSkew().toSeconds()) {
            refuse(null, null, null, "STALE", skew == Long.MAX_VALUE ? "no timestamp"
                    : "timestamp " + Duration.ofSeconds(skew).toMinutes() + " min away");
            throw new ApiException(ProblemType.UNAUTHENTICATED, "The callback timestamp is too old or too new");
        }
        Callback callback;
        try {
            callback = json.readValue(body, Callback.class);
        } catch (Exception e) {
            refuse(null, null, null, "MALFORMED", "the body is not a callback");
            throw new ApiException(ProblemType.MALFORMED, "The body is not a valid callback");
        }
        if (callback.callbackId() == null || callback.folio() == null || callback.status() == null) {
            refuse(callback.callbackId(), callback.folio(), null, "MALFORMED", "callbackId, folio, status required");
            throw ApiException.invalid("callbackId", "callbackId, folio and status are required");
        }
        byte[] hash = sha256(body);
        @SuppressWarnings("unchecked")
        List<byte[]> seen = em.createNativeQuery(
                "SELECT body_hash FROM ine_callback WHERE callback_id = :id AND outcome = 'APPLIED'")
                .setParameter("id", callback.callbackId()).getResultList();
        if (!seen.isEmpty()) {
            if (Arrays.equals(seen.get(0), hash)) {
                return new Receipt(callback.callbackId(), "DUPLICATE");
            }
            refuse(callback.callbackId(), callback.folio(), hash, "REPLAYED", "a used id with another body");
            throw ApiException.conflict("This callback id was already used for another message")
                    .with("rule", "replayed-callback");
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                applications.applyIneStatus(callback.folio(), callback.status(), callback.reasons(),
                        callback.remediationDeadline());
                record(callback.callbackId(), callback.folio(), hash, "APPLIED", callback.status().name());
            });
        } catch (ApiException e) {
            refuse(callback.callbackId(), callback.folio(), hash, "REFUSED", e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            if (isDuplicateApply(e)) {
                return new Receipt(callback.callbackId(), "DUPLICATE");
            }
            throw e;
        }
        return new Receipt(callback.callbackId(), "APPLIED");
    }

    private void refuse(String callbackId, String folio, byte[] hash, String outcome, String detail) {
        LOG.warnf("INE callback refused: %s (%s)", outcome, detail);
        QuarkusTransaction.requiringNew().run(() -> record(callbackId, folio, hash, outcome, detail));
    }

    private void record(String callbackId, String folio, byte[] hash, String outcome, String detail) {
        em.createNativeQuery("""
                INSERT INTO ine_callback (callback_id, folio, body_hash, outcome, detail)
                VALUES (:id, :folio, :hash, :outcome, :detail)""")
                .unwrap(org.hibernate.query.NativeQuery.class)
                .setParameter("hash", hash, org.hibernate.type.StandardBasicTypes.BINARY)
                .setParameter("id", callbackId).setParameter("folio", folio)
                .setParameter("outcome", outcome)
                .setParameter("detail", detail == null ? null : detail.substring(0, Math.min(300, detail.length())))
                .executeUpdate();
    }

    private static boolean isDuplicateApply(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.hibernate.exception.ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }

    private static byte[] sha256(String body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
