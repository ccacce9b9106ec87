package mx.gob.sre.consular.timeline;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import mx.gob.sre.consular.timeline.RemoteEvents.ApplicationStatusChangedV1;
import mx.gob.sre.consular.timeline.RemoteEvents.AwardChangedV1;
import mx.gob.sre.consular.timeline.RemoteEvents.ContestEntryAwardedV1;
import mx.gob.sre.platform.events.IncomingEvent;
import mx.gob.sre.platform.events.PoisonMessageException;
import mx.gob.sre.platform.inbox.EventInbox;

/** Feeds the citizen timeline from the voter and scholarship topics, once per event. */
@ApplicationScoped
public class RemoteEventsConsumer {

    @Inject
    EventInbox inbox;

    @Inject
    Timeline timeline;

    @Incoming("voter-applications")
    @Blocking
    public void onVoterApplication(ConsumerRecord<String, String> record) {
        inbox.consume("consular.voter-applications", record, ApplicationStatusChangedV1.class, this::voterCard);
    }

    @Incoming("scholarship-awards")
    @Blocking
    public void onAward(ConsumerRecord<String, String> record) {
        inbox.consume("consular.scholarship-awards", record, AwardChangedV1.class, this::award);
    }

    @Incoming("scholarship-contest")
    @Blocking
    public void onContest(ConsumerRecord<String, String> record) {
        inbox.consume("consular.scholarship-contest", record, ContestEntryAwardedV1.class, this::contest);
    }

    void voterCard(IncomingEvent<ApplicationStatusChangedV1> event) {
        if (!RemoteEvents.APPLICATION_STATUS_CHANGED_V1.equals(event.type())) {
            return;
        }
        ApplicationStatusChangedV1 data = event.data();
        require(data.curp() != null && data.status() != null && data.occurredAt() != null,
                "curp, status and occurredAt are required");
        timeline.record(data.curp(), data.occurredAt(), Timeline.Source.VOTER,
                "voter-card." + data.status().toLowerCase(Locale.ROOT).replace('_', '-'),
                "Voter card from abroad: " + data.status().replace('_', ' ').toLowerCase(Locale.ROOT), data.folio(),
                data.status(), event.id());
    }

    void award(IncomingEvent<AwardChangedV1> event) {
        if (!RemoteEvents.AWARD_AWARDED_V1.equals(event.type()) && !RemoteEvents.AWARD_DISBURSED_V1.equals(event.type())) {
            return;
        }
        AwardChangedV1 data = event.data();
        require(data.status() != null && data.occurredAt() != null, "status and occurredAt are required");
        if (data.contactCurps() == null) {
            return;
        }
        for (String curp : data.contactCurps()) {
            timeline.record(curp, data.occurredAt(), Timeline.Source.SCHOLARSHIP,
                    "ime-becas." + data.status().toLowerCase(Locale.ROOT),
                    "IME-Becas " + data.status().toLowerCase(Locale.ROOT) + ": " + data.institutionName(),
                    data.awardId() == null ? null : data.awardId().toString(), data.status(), event.id() + "|" + curp);
        }
    }

    void contest(IncomingEvent<ContestEntryAwardedV1> event) {
        if (!RemoteEvents.CONTEST_ENTRY_AWARDED_V1.equals(event.type())) {
            return;
        }
        ContestEntryAwardedV1 data = event.data();
        require(data.guardianCurp() != null && data.placement() != null && data.occurredAt() != null,
                "guardianCurp, placement and occurredAt are required");
        timeline.record(data.guardianCurp(), data.occurredAt(), Timeline.Source.SCHOLARSHIP,
                "contest." + data.placement().toLowerCase(Locale.ROOT).replace('_', '-'),
                "\"" + data.contestTitle() + "\": " + data.placement().replace('_', ' ').toLowerCase(Locale.ROOT),
                data.entryId() == null ? null : data.entryId().toString(), data.placement(), event.id());
    }

    private static void require(boolean condition, String reason) {
        if (!condition) {
            throw new PoisonMessageException(reason);
        }
    }
}
