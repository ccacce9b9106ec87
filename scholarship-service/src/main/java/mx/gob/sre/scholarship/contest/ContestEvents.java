package mx.gob.sre.scholarship.contest;

import java.time.Instant;
import java.util.UUID;

/** Events of the {@code scholarship.contest} topic. */
public final class ContestEvents {

    public static final String TOPIC = "scholarship.contest";
    public static final String ENTRY_AWARDED_V1 = "scholarship.contest.entry-awarded.v1";

    private ContestEvents() {
    }

    /**
     * A drawing won a place when the results were published. The family is identified by the CURP of the
     * guardian who consented to the entry; entries whose guardian gave no CURP publish no event, and the
     * child's data never leaves this service.
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
