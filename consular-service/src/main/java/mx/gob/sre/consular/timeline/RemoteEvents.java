package mx.gob.sre.consular.timeline;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The events of other services that the timeline shows, as versioned records of this service. Their
 * producers own the contracts (docs/asyncapi.yaml); a test checks both sides have the same fields.
 */
public final class RemoteEvents {

    public static final String APPLICATION_STATUS_CHANGED_V1 = "voter.application.status-changed.v1";
    public static final String AWARD_AWARDED_V1 = "scholarship.award.awarded.v1";
    public static final String AWARD_DISBURSED_V1 = "scholarship.award.disbursed.v1";
    public static final String CONTEST_ENTRY_AWARDED_V1 = "scholarship.contest.entry-awarded.v1";

    private RemoteEvents() {
    }

    /** voter.applications: a voter-card application changed status. */
    public record ApplicationStatusChangedV1(
            UUID applicationId,
            String folio,
            String curp,
            String status,
            String consulate,
            Instant occurredAt) {
    }

    /**
     * scholarship.awards: an IME-Becas award was made or paid. The institution's contacts are identified by
     * the CURPs the institution registered for them.
     */
    public record AwardChangedV1(
            UUID awardId,
            UUID callId,
            UUID institutionId,
            String institutionName,
            String consulate,
            String category,
            long amountCents,
            String currency,
            String status,
            List<String> contactCurps,
            Instant occurredAt) {
    }

    /**
     * scholarship.contest: a drawing won a place. The family is identified by the CURP of the guardian who
     * consented to the entry; the child's data never leaves the scholarship service.
     */
    public record ContestEntryAwardedV1(
            UUID contestId,
            UUID entryId,
            String contestTitle,
            String category,
            String placement,
            String guardianCurp,
            Instant occurredAt) {
    }
}
