package mx.gob.sre.voter.citizen;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import mx.gob.sre.platform.curp.Curp;
import mx.gob.sre.platform.curp.InvalidCurpException;
import mx.gob.sre.platform.events.PoisonMessageException;
import mx.gob.sre.platform.inbox.EventInbox;
import mx.gob.sre.voter.citizen.ConsularCitizenEvents.CitizenRegisteredV1;
import mx.gob.sre.voter.citizen.ConsularCitizenEvents.CitizenUpdatedV1;

/** Keeps the voter service's view of registered citizens, from consular.citizens. */
@ApplicationScoped
public class CitizenEventsConsumer {

    static final String CONSUMER = "voter.consular-citizens";

    @Inject
    EventInbox inbox;

    @Inject
    KnownCitizenRepository citizens;

    private final EventInbox.Handlers handlers = new EventInbox.Handlers()
            .on(ConsularCitizenEvents.REGISTERED_V1, CitizenRegisteredV1.class, event -> upsert(event.data().citizenId(),
                    event.data().curp(), event.data().consulate(), event.data().countryOfResidence(),
                    event.data().registeredAt()))
            .on(ConsularCitizenEvents.UPDATED_V1, CitizenUpdatedV1.class, event -> upsert(event.data().citizenId(),
                    event.data().curp(), event.data().consulate(), event.data().countryOfResidence(), null));

    @Incoming("consular-citizens")
    @Blocking
    public void onCitizenEvent(ConsumerRecord<String, String> record) {
        inbox.consume(CONSUMER, record, handlers);
    }

    void upsert(UUID citizenId, String rawCurp, String consulate, String country, Instant registeredAt) {
        if (citizenId == null || rawCurp == null || consulate == null || country == null) {
            throw new PoisonMessageException("citizenId, curp, consulate and countryOfResidence are required");
        }
        Curp curp;
        try {
            curp = Curp.parse(rawCurp);
        } catch (InvalidCurpException e) {
            throw new PoisonMessageException("curp: " + e.getMessage());
        }
        KnownCitizen citizen = citizens.findByIdOptional(curp.value()).orElseGet(KnownCitizen::new);
        boolean isNew = citizen.curp == null;
        citizen.curp = curp.value();
        citizen.citizenId = citizenId;
        citizen.consulateCode = consulate;
        citizen.countryOfResidence = country;
        if (isNew || registeredAt != null) {
            citizen.registeredAt = registeredAt == null ? Instant.now() : registeredAt;
        }
        citizen.updatedAt = Instant.now();
        if (isNew) {
            citizens.persist(citizen);
        }
    }
}
