package mx.gob.sre.voter.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import mx.gob.sre.platform.curp.ValidCurp;
import mx.gob.sre.platform.validation.IsoCountry;

/** Requests and responses of the voter-card API. */
public final class ApplicationApi {

    static final String NAME = "[\\p{L}][\\p{L} .'-]*";
    static final String BIOMETRIC_REF = "urn:sre:biometrics:[A-Za-z0-9:._-]{1,200}";

    private ApplicationApi() {
    }

    public enum NationalityProof {
        BIRTH_CERTIFICATE, PARENT_BIRTH_CERTIFICATE, NATURALIZATION_LETTER
    }

    public enum RemediationReason {
        SIGNATURE, UNMET_REQUIREMENT, ADDRESS_PROOF
    }

    @Schema(name = "CaptureApplicationRequest", description = "Staff capture at the consulate: documents checked, "
            + "biometrics captured (referenced, never sent)")
    public record Capture(
            @NotNull @ValidCurp @Schema(examples = "HEGG560427MVZRRL04") String curp,
            @NotBlank @Size(max = 100) @Pattern(regexp = NAME) String givenNames,
            @NotBlank @Size(max = 100) @Pattern(regexp = NAME) String firstSurname,
            @Size(max = 100) @Pattern(regexp = NAME) String secondSurname,
            @NotNull LocalDate dateOfBirth,
            @NotNull @Pattern(regexp = "[HMX]") String sex,
            @NotNull NationalityProof nationalityProof,
            @Pattern(regexp = "[A-Z]{2}") @Schema(description = "State of the (parent's) birth certificate",
                    examples = "JC") String nationalityProofState,
            @NotNull @Valid AddressAbroad addressAbroad,
            @NotNull LocalDate proofOfAddressIssuedOn,
            @NotNull Boolean addressInDistrict,
            @NotNull Boolean documentsVerified,
            @NotNull @Valid Biometrics biometrics) {
    }

    @Schema(name = "VoterAddressAbroad")
    public record AddressAbroad(
            @NotBlank @Size(max = 200) String line1,
            @Size(max = 200) String line2,
            @NotBlank @Size(max = 100) String city,
            @Size(max = 100) String region,
            @Size(max = 20) String postalCode,
            @NotNull @IsoCountry(excluding = "MX") String country) {
    }

    @Schema(name = "VoterBiometricReferences")
    public record Biometrics(
            @NotNull @Pattern(regexp = BIOMETRIC_REF) String fingerprints,
            @NotNull @Pattern(regexp = BIOMETRIC_REF) String photo,
            @NotNull @Pattern(regexp = BIOMETRIC_REF) String signature) {
    }

    @Schema(name = "RemediationRequest", description = "Corrected documents, sent back to INE for review")
    public record Remediation(
            @NotEmpty List<@NotNull RemediationReason> corrected,
            @Schema(description = "A new proof of address, when ADDRESS_PROOF is corrected") LocalDate proofOfAddressIssuedOn,
            @Pattern(regexp = BIOMETRIC_REF) @Schema(description = "A new signature capture, for SIGNATURE")
            String signature,
            @Size(max = 500) String note) {
    }

    @Schema(name = "VoterCardApplication")
    public record ApplicationView(
            UUID id,
            @Schema(description = "The citizen's receipt", examples = "SJC-2026-000042") String folio,
            String curp,
            String givenNames,
            String firstSurname,
            String secondSurname,
            LocalDate dateOfBirth,
            String sex,
            @Schema(description = "State whose ballots the citizen votes; from the (parent's) birth certificate")
            String votingState,
            NationalityProof nationalityProof,
            AddressAbroad addressAbroad,
            String consulate,
            DocumentChecks documentChecks,
            Biometrics biometrics,
            ApplicationStatus status,
            List<RemediationReason> remediationReasons,
            LocalDate remediationDeadline,
            int deliveryAttempts,
            LocalDate heldUntil,
            Instant deliveredAt,
            Instant activatedAt,
            @Schema(examples = "2027-federal") String election,
            Instant createdAt,
            Instant updatedAt,
            List<HistoryEntry> history) {
    }

    @Schema(name = "DocumentChecks")
    public record DocumentChecks(boolean documentsVerified, LocalDate proofOfAddressIssuedOn, boolean addressInDistrict) {
    }

    @Schema(name = "ApplicationHistoryEntry")
    public record HistoryEntry(ApplicationStatus from, ApplicationStatus to, Instant at, String note) {
    }

    @Schema(name = "FolioStatus", description = "What a folio receipt shows: status only")
    public record FolioStatus(String folio, ApplicationStatus status, Instant updatedAt,
            LocalDate remediationDeadline, List<RemediationReason> remediationReasons) {
    }
}
