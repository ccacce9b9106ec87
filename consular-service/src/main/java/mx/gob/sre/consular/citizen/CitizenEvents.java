package mx.gob.sre.consular.citizen;

import java.time.Instant;
import java.util.UUID;

/**
 * Events of the {@code consular.citizens} topic. They carry ids and what consumers need: no names,
 * contact details or street address.
 */
public final class CitizenEvents {

    public static final String TOPIC = "consular.citizens";
    public static final String REGISTERED_V1 = "consular.citizen.registered.v1";
    public static final String UPDATED_V1 = "consular.citizen.updated.v1";

    private CitizenEvents() {
    }

    /** A citizen registered with a consulate. */
    public record CitizenRegisteredV1(
            UUID citizenId,
            String curp,
            String consulate,
            String countryOfResidence,
            Instant registeredAt) {
    }

    /** A citizen's consulate or country of residence may have changed. */
    public record CitizenUpdatedV1(
            UUID citizenId,
            String curp,
            String consulate,
            String countryOfResidence,
            Instant updatedAt) {
    }
}
