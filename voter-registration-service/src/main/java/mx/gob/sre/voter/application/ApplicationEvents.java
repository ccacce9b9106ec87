package mx.gob.sre.voter.application;

import java.time.Instant;
import java.util.UUID;

/** Events of the {@code voter.applications} topic: status changes and activation reminders. No biometrics, no address. */
public final class ApplicationEvents {

    public static final String TOPIC = "voter.applications";
    public static final String STATUS_CHANGED_V1 = "voter.application.status-changed.v1";
    public static final String ACTIVATION_REMINDER_V1 = "voter.application.activation-reminder.v1";

    private ApplicationEvents() {
    }

    public record ApplicationStatusChangedV1(
            UUID applicationId,
            String folio,
            String curp,
            String status,
            String consulate,
            Instant occurredAt) {
    }

    /** A delivered card is still not activated; the app should remind the citizen. */
    public record ActivationReminderV1(
            UUID applicationId,
            String folio,
            String curp,
            int reminderNumber,
            Instant deliveredAt,
            Instant occurredAt) {
    }
}
