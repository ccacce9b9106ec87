package mx.gob.sre.consular.queue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Events of the {@code consular.identity-verified} topic: what INE needs to process a voter-card
 * application. Biometrics are references to the consulate's capture store, never the data.
 */
public final class IdentityEvents {

    public static final String TOPIC = "consular.identity-verified";
    public static final String VERIFIED_V1 = "consular.identity.verified.v1";

    private IdentityEvents() {
    }

    public record IdentityVerifiedV1(
            UUID verificationId,
            UUID ticketId,
            UUID citizenId,
            String curp,
            String givenNames,
            String firstSurname,
            String secondSurname,
            LocalDate dateOfBirth,
            String sex,
            String nationalityProof,
            String nationalityProofState,
            Address addressAbroad,
            LocalDate proofOfAddressIssuedOn,
            String consulate,
            BiometricReferences biometrics,
            Instant verifiedAt) {
    }

    public record Address(String line1, String line2, String city, String region, String postalCode,
            String country) {
    }

    public record BiometricReferences(String fingerprints, String photo, String signature) {
    }
}
