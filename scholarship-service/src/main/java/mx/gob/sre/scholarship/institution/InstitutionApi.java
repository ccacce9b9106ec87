package mx.gob.sre.scholarship.institution;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import mx.gob.sre.platform.curp.ValidCurp;

public final class InstitutionApi {

    private InstitutionApi() {
    }

    public enum Type {
        UNIVERSITY, COMMUNITY_COLLEGE, ADULT_EDUCATION_NONPROFIT
    }

    public enum Status {
        PENDING_VERIFICATION, VERIFIED, REJECTED
    }

    @Schema(name = "InstitutionContact", description = "A contact person; the CURP, if given, puts the institution's "
            + "awards on the contact's timeline in the consular app")
    public record Contact(
            @NotBlank @Size(max = 200) @Schema(examples = "Dr. Ana Ruiz") String name,
            @Size(max = 100) @Schema(examples = "Grants officer") String role,
            @NotNull @Email @Size(max = 254) String email,
            @Pattern(regexp = "\\+[1-9][0-9]{6,14}") String phone,
            @ValidCurp String curp) {
    }

    @Schema(name = "RegisterInstitutionRequest")
    public record Register(
            @NotBlank @Size(max = 200) @Schema(examples = "Evergreen Valley College") String legalName,
            @NotNull @Pattern(regexp = "[A-Za-z0-9-]{5,32}") @Schema(description = "Tax id, e.g. a US EIN",
                    examples = "94-1234567") String taxId,
            @NotNull Type type,
            @NotNull @Pattern(regexp = "[A-Z]{3,8}") @Schema(description = "Consulate whose jurisdiction it is in",
                    examples = "SJC") String consulate,
            @NotEmpty @Size(max = 5) List<@Valid @NotNull Contact> contacts) {
    }

    @Schema(name = "InstitutionVerificationRequest")
    public record Verification(@NotNull Status decision, @Size(max = 500) String note) {
    }

    @Schema(name = "Institution")
    public record InstitutionView(UUID id, String legalName, String taxId, Type type, String consulate, Status status,
            List<Contact> contacts, Instant verifiedAt, Instant createdAt) {
    }
}
