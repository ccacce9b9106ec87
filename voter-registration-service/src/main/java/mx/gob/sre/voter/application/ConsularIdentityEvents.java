package mx.gob.sre.voter.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The consular.identity-verified event this service turns into applications, as records of its own. */
public final class ConsularIdentityEvents {

    public static final String VERIFIED_V1 = "consular.identity.verified.v1";

    private ConsularIdentityEvents() {
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

    public record Address(String line1, String line2, String city, String region, String postalCode, String country) {
    }

    public record BiometricReferences(String fingerprints, String photo, String signature) {
    }
}
