package mx.gob.sre.voter.citizen;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import mx.gob.sre.platform.curp.Curp;
import mx.gob.sre.platform.curp.InvalidCurpException;
import mx.gob.sre.platform.events.IncomingEvent;
import mx.gob.sre.platform.events.PoisonMessageException;
import mx.gob.sre.platform.inbox.EventInbox;
import mx.gob.sre.voter.citizen.ConsularCitizenEvents.CitizenRegisteredV1;

/** Keeps the voter service's view of registered citizens, from consular.citizens. */
@ApplicationScoped
public class CitizenEventsConsumer {

    static final String CONSUMER = "voter.consular-citizens";

    @Inject
    EventInbox inbox;

    @Inject
    KnownCitizenRepository citizens;

    @Incoming("consular-citizens")
    @Blocking
    public void onCitizenEvent(ConsumerRecord<String, String> record) {
        inbox.consume(CONSUMER, record, CitizenRegisteredV1.class, this::apply);
    }

    void apply(IncomingEvent<CitizenRegisteredV1> event) {
        if (!ConsularCitizenEvents.REGISTERED_V1.equals(event.type())) {
            return;
        }
        CitizenRegisteredV1 data = event.data();
        if (data.citizenId() == null || data.curp() == null || data.consulate() == null
                || data.countryOfResidence() == null) {
            throw new PoisonMessageException("citizenId, curp, consulate and countryOfResidence are required");
        }
        Curp curp;
        try {
            curp = Curp.parse(data.curp());
        } catch (InvalidCurpException e) {
            throw new PoisonMessageException("curp: " + e.getMessage());
        }
        KnownCitizen citizen = citizens.findByIdOptional(curp.value()).orElseGet(KnownCitizen::new);
        boolean isNew = citizen.curp == null;
        citizen.curp = curp.value();
        citizen.citizenId = data.citizenId();
        citizen.consulateCode = data.consulate();
        citizen.countryOfResidence = data.countryOfResidence();
        citizen.registeredAt = data.registeredAt() == null ? Instant.now() : data.registeredAt();
        citizen.updatedAt = Instant.now();
        if (isNew) {
            citizens.persist(citizen);
        }
    }
}
