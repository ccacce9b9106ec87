package mx.gob.sre.consular.workshop;

import java.time.Instant;
import java.util.UUID;

/** Events of the {@code consular.workshops} topic: registrations and attendance, ids only. */
public final class WorkshopEvents {

    public static final String TOPIC = "consular.workshops";
    public static final String REGISTRATION_CHANGED_V1 = "consular.workshop.registration-changed.v1";

    private WorkshopEvents() {
    }

    public record RegistrationChangedV1(
            UUID workshopId,
            UUID registrationId,
            UUID citizenId,
            String consulate,
            String city,
            String status,
            boolean attended,
            Instant occurredAt) {
    }
}
