package mx.gob.sre.voter.citizen;

import java.time.Instant;
import java.util.UUID;

/** The consular.citizens events this service reads, as versioned records of its own. */
public final class ConsularCitizenEvents {

    public static final String REGISTERED_V1 = "consular.citizen.registered.v1";
    public static final String UPDATED_V1 = "consular.citizen.updated.v1";

    private ConsularCitizenEvents() {
    }

    public record CitizenRegisteredV1(UUID citizenId, String curp, String consulate, String countryOfResidence,
            Instant registeredAt) {
    }

    public record CitizenUpdatedV1(UUID citizenId, String curp, String consulate, String countryOfResidence,
            Instant updatedAt) {
    }
}
