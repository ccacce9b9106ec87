package mx.gob.sre.scholarship.grant;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Events of the {@code scholarship.awards} topic. */
public final class AwardEvents {

    public static final String TOPIC = "scholarship.awards";
    public static final String AWARDED_V1 = "scholarship.award.awarded.v1";
    public static final String DISBURSED_V1 = "scholarship.award.disbursed.v1";

    private AwardEvents() {
    }

    /** The institution's contacts are identified by the CURPs it registered for them (for their timelines). */
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
}
