package mx.gob.sre.voter.ine;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import mx.gob.sre.voter.application.Application;
import mx.gob.sre.voter.application.ApplicationService;
import mx.gob.sre.voter.application.ApplicationStatus;

/**
 * Durable submissions to INE. A submission row is written in the same transaction as the application
 * (or its remediation), so none is lost whatever INE does. The dispatcher sends due rows one at a time,
 * each in its own transaction with the row locked (SKIP LOCKED, so replicas share the work); INE
 * answers 2xx once and is idempotent on the folio, so the submission has one effect there. On failure
 * the row waits with exponential backoff and jitter, for as long as INE is down.
 */
@ApplicationScoped
public class IneSubmissions {

    private static final Logger LOG = Logger.getLogger(IneSubmissions.class);

    public enum Kind {
        INITIAL, REMEDIATION
    }

    /** What INE receives: identity, voting state, address abroad, checks and biometric references. */
    public record IneSubmissionV1(String folio, String kind, String curp, String givenNames, String firstSurname,
            String secondSurname, LocalDate dateOfBirth, String sex, String votingState, String nationalityProof,
            Address addressAbroad, String consulate, LocalDate proofOfAddressIssuedOn, Biometrics biometrics,
            Instant capturedAt) {
    }

    public record Address(String line1, String line2, String city, String region, String postalCode, String country) {
    }

    public record Biometrics(String fingerprints, String photo, String signature) {
    }

    @Inject
    EntityManager em;

    @Inject
    IneClient client;

    @Inject
    IneConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    ApplicationService applications;

    @Inject
    MeterRegistry registry;

    /** Queues a submission in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(UUID applicationId, Kind kind) {
        em.createNativeQuery("""
                INSERT INTO ine_submission (application_id, kind, status, attempts, next_attempt_at, created_at)
                VALUES (:id, :kind, 'PENDING', 0, now(), now())
                ON CONFLICT (application_id) DO UPDATE SET kind = EXCLUDED.kind, status = 'PENDING', attempts = 0,
                    next_attempt_at = now(), last_error = NULL, accepted_at = NULL""")
                .setParameter("id", applicationId).setParameter("kind", kind.name())
                .executeUpdate();
    }

    @Scheduled(every = "${voter.ine.dispatch-every:1s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dispatch() {
        for (int i = 0; i < config.batchSize(); i++) {
            Boolean more = QuarkusTransaction.requiringNew().timeout(60).call(this::sendOne);
            if (!Boolean.TRUE.equals(more)) {
                return;
            }
        }
    }

    /** Sends the next due submission; false when there is none, or INE is unavailable. */
    Boolean sendOne() {
        @SuppressWarnings("unchecked")
        List<Object[]> due = em.createNativeQuery("""
                SELECT application_id, kind, attempts FROM ine_submission
                WHERE status = 'PENDING' AND next_attempt_at <= now()
                ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED""").getResultList();
        if (due.isEmpty()) {
            return false;
        }
        UUID id = (UUID) due.get(0)[0];
        String kind = (String) due.get(0)[1];
        int attempts = ((Number) due.get(0)[2]).intValue();
        Application application = em.find(Application.class, id);
        try {
            client.submit(body(application, kind));
        } catch (IneClient.IneUnavailableException | CircuitBreakerOpenException e) {
            retryLater(id, attempts + 1, e.getMessage());
            registry.counter("ine.submissions", "outcome", "retry").increment();
            return false;
        } catch (IneClient.IneRefusedException e) {
            em.createNativeQuery("UPDATE ine_submission SET status = 'REFUSED', attempts = attempts + 1, "
                    + "last_error = :error WHERE application_id = :id")
                    .setParameter("error", e.getMessage()).setParameter("id", id).executeUpdate();
            registry.counter("ine.submissions", "outcome", "refused").increment();
            LOG.warnf("INE refused submission of %s: %s", application.folio, e.getMessage());
            return true;
        }
        em.createNativeQuery("UPDATE ine_submission SET status = 'ACCEPTED', attempts = attempts + 1, "
                + "accepted_at = now(), last_error = NULL WHERE application_id = :id")
                .setParameter("id", id).executeUpdate();
        if (application.status == ApplicationStatus.CAPTURED) {
            applications.transition(application, ApplicationStatus.SUBMITTED, "accepted by INE");
        }
        registry.counter("ine.submissions", "outcome", "accepted").increment();
        return true;
    }

    private void retryLater(UUID id, int attempts, String error) {
        long base = Math.min(config.maxBackoff().toMillis(), 1000L << Math.min(attempts, 20));
        long wait = base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
        em.createNativeQuery("UPDATE ine_submission SET attempts = :attempts, next_attempt_at = :next, "
                + "last_error = :error WHERE application_id = :id")
                .setParameter("attempts", attempts)
                .setParameter("next", OffsetDateTime.now(ZoneOffset.UTC).plus(Duration.ofMillis(wait)))
                .setParameter("error", error == null ? null : error.substring(0, Math.min(200, error.length())))
                .setParameter("id", id)
                .executeUpdate();
    }

    private String body(Application a, String kind) {
        try {
            return json.writeValueAsString(new IneSubmissionV1(a.folio, kind, a.curp, a.givenNames, a.firstSurname,
                    a.secondSurname, a.dateOfBirth, a.sex, a.votingState, a.nationalityProof,
                    new Address(a.addressLine1, a.addressLine2, a.addressCity, a.addressRegion, a.addressPostalCode,
                            a.addressCountry),
                    a.consulateCode, a.proofOfAddressIssuedOn,
                    new Biometrics(a.fingerprintsRef, a.photoRef, a.signatureRef), a.createdAt));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
