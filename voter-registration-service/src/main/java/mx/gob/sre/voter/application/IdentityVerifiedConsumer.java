package mx.gob.sre.voter.application;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import mx.gob.sre.platform.events.IncomingEvent;
import mx.gob.sre.platform.events.PoisonMessageException;
import mx.gob.sre.platform.inbox.EventInbox;
import mx.gob.sre.platform.problem.ApiException;
import mx.gob.sre.voter.application.ApplicationApi.AddressAbroad;
import mx.gob.sre.voter.application.ApplicationApi.Biometrics;
import mx.gob.sre.voter.application.ApplicationApi.NationalityProof;
import mx.gob.sre.voter.application.ConsularIdentityEvents.IdentityVerifiedV1;

/**
 * Turns a consulate's identity verification into a voter-card application, once per event. A
 * verification the rules refuse (underage, an open application already) is dead-lettered with the rule
 * as its reason, for the consulate to follow up.
 */
@ApplicationScoped
public class IdentityVerifiedConsumer {

    @Inject
    EventInbox inbox;

    @Inject
    ApplicationService applications;

    /** The worker pool of this consumer; its size is {@code smallrye.messaging.worker.<name>.max-concurrency}. */
    static final String WORKERS = "identity-verifications";

    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();

    @Inject
    void gauge(MeterRegistry registry) {
        Gauge.builder("inbox.in-flight", inFlight, AtomicInteger::get).tag("consumer", "voter.identity-verified")
                .description("Verifications being turned into applications right now").register(registry);
    }

    private final EventInbox.Handlers handlers = new EventInbox.Handlers()
            .on(ConsularIdentityEvents.VERIFIED_V1, IdentityVerifiedV1.class, this::open);

    /**
     * Verifications are handled in parallel (ordered = false): each is a different visit, and a second one
     * for the same CURP is settled by the open-application lock and constraint, not by arrival order. In
     * order, one at a time, the consumer kept up with about 60 a second on the benchmark machine, and
     * fell behind at the 100 a second of the event-propagation target. Offsets are still committed only
     * up to the oldest record not yet handled, so nothing is skipped.
     *
     * <p>They run on a pool of their own, at most {@code max-concurrency} at once (application.properties):
     * on the shared worker pool a backlog (a poll returns up to 500 records) started up to 200 at once,
     * they queued for the 20 database connections, timed out and were retried after a back-off, which
     * was the tail of the benchmark's propagation latency.
     */
    @Incoming("consular-identity-verified")
    @Blocking(value = WORKERS, ordered = false)
    public void onVerification(ConsumerRecord<String, String> record) {
        mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            inbox.consume("voter.identity-verified", record, handlers);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** The most verifications handled at once since the start. */
    int mostInFlight() {
        return mostInFlight.get();
    }

    void open(IncomingEvent<IdentityVerifiedV1> event) {
        IdentityVerifiedV1 v = event.data();
        if (v.curp() == null || v.givenNames() == null || v.firstSurname() == null || v.dateOfBirth() == null
                || v.sex() == null || v.nationalityProof() == null || v.addressAbroad() == null || v.consulate() == null
                || v.proofOfAddressIssuedOn() == null || v.biometrics() == null || v.verifiedAt() == null) {
            throw new PoisonMessageException("the verification lacks identity, address, proof or biometric fields");
        }
        try {
            applications.open(new ApplicationService.NewApplication(v.curp(), v.givenNames(), v.firstSurname(),
                    v.secondSurname(), v.dateOfBirth(), v.sex(), NationalityProof.valueOf(v.nationalityProof()),
                    v.nationalityProofState(),
                    new AddressAbroad(v.addressAbroad().line1(), v.addressAbroad().line2(), v.addressAbroad().city(),
                            v.addressAbroad().region(), v.addressAbroad().postalCode(), v.addressAbroad().country()),
                    v.consulate(), v.proofOfAddressIssuedOn(), true, true,
                    new Biometrics(v.biometrics().fingerprints(), v.biometrics().photo(), v.biometrics().signature()),
                    Application.Source.CONSULAR_VERIFICATION, v.verificationId(),
                    v.verifiedAt().atZone(ApplicationService.MEXICO_CITY).toLocalDate(), "consular-verification"));
        } catch (ApiException e) {
            throw new PoisonMessageException("refused: " + e.getMessage()
                    + (e.extensions().containsKey("rule") ? " (rule " + e.extensions().get("rule") + ")" : ""));
        } catch (IllegalArgumentException e) {
            throw new PoisonMessageException("refused: " + e.getMessage());
        }
    }
}
