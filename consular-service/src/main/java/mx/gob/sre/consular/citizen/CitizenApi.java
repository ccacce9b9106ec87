package mx.gob.sre.consular.citizen;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import mx.gob.sre.platform.curp.ValidCurp;
import mx.gob.sre.platform.validation.IsoCountry;

/** Requests and responses of the citizens API. Entities never leave the service layer. */
public final class CitizenApi {

    static final String NAME = "[\\p{L}][\\p{L} .'-]*";

    private CitizenApi() {
    }

    @Schema(name = "RegisterCitizenRequest")
    public record RegisterCitizen(
            @NotNull @ValidCurp @Schema(examples = "HEGG560427MVZRRL04") String curp,
            @NotBlank @Size(max = 100) @Pattern(regexp = NAME) @Schema(examples = "Gloria") String givenNames,
            @NotBlank @Size(max = 100) @Pattern(regexp = NAME) @Schema(examples = "Hernández") String firstSurname,
            @Size(max = 100) @Pattern(regexp = NAME) @Schema(examples = "García") String secondSurname,
            @NotNull @Schema(examples = "1956-04-27") LocalDate dateOfBirth,
            @Valid Contact contact,
            @NotNull @Valid AddressAbroad address,
            @NotNull @Pattern(regexp = "[A-Z]{3,8}") @Schema(description = "Consulate code", examples = "SJC")
            String consulate,
            @NotNull @Valid Consent consent) {
    }

    @Schema(name = "UpdateCitizenRequest", description = "Only the members present change. Citizens may change their "
            + "contact, address and consulate; names are corrected by staff (an ARCO rectification with documents).")
    public record UpdateCitizen(
            @Size(max = 100) @Pattern(regexp = NAME) String givenNames,
            @Size(max = 100) @Pattern(regexp = NAME) String firstSurname,
            @Size(max = 100) @Pattern(regexp = NAME) String secondSurname,
            @Valid Contact contact,
            @Valid AddressAbroad address,
            @Pattern(regexp = "[A-Z]{3,8}") @Schema(description = "Move to the consulate of a new district",
                    examples = "LAX") String consulate) {
    }

    @Schema(name = "Contact")
    public record Contact(
            @Email @Size(max = 254) @Schema(examples = "gloria@example.org") String email,
            @Pattern(regexp = "\\+[1-9][0-9]{6,14}", message = "must be an E.164 number such as +14085551234")
            @Schema(examples = "+14085551234") String phone) {
    }

    @Schema(name = "AddressAbroad")
    public record AddressAbroad(
            @NotBlank @Size(max = 200) @Schema(examples = "1200 Story Rd") String line1,
            @Size(max = 200) String line2,
            @NotBlank @Size(max = 100) @Schema(examples = "San Jose") String city,
            @Size(max = 100) @Schema(examples = "CA") String region,
            @Size(max = 20) @Pattern(regexp = "[A-Za-z0-9 -]*") @Schema(examples = "95122") String postalCode,
            @NotNull @IsoCountry(excluding = "MX")
            @Schema(description = "ISO 3166-1 alpha-2, not MX", examples = "US") String country) {
    }

    @Schema(name = "Consent")
    public record Consent(
            @NotBlank @Size(max = 32) @Schema(description = "Version of the privacy notice shown",
                    examples = "2026-01") String privacyNoticeVersion,
            @NotNull @AssertTrue(message = "must be true: registration needs consent to the privacy notice")
            Boolean accepted) {
    }

    @Schema(name = "ConsentRecord")
    public record ConsentRecord(String privacyNoticeVersion, Instant givenAt) {
    }

    @Schema(name = "Citizen")
    public record CitizenView(
            UUID id,
            String curp,
            String givenNames,
            String firstSurname,
            String secondSurname,
            LocalDate dateOfBirth,
            @Schema(description = "From the CURP: H, M or X") String sex,
            Contact contact,
            AddressAbroad address,
            String consulate,
            ConsentRecord consent,
            Instant createdAt,
            Instant updatedAt) {

        static CitizenView of(Citizen citizen) {
            Citizen.Address a = citizen.address;
            return new CitizenView(citizen.id, citizen.curp, citizen.givenNames, citizen.firstSurname,
                    citizen.secondSurname, citizen.dateOfBirth, citizen.sex,
                    new Contact(citizen.email, citizen.phone),
                    new AddressAbroad(a.line1, a.line2, a.city, a.region, a.postalCode, a.country),
                    citizen.consulateCode,
                    new ConsentRecord(citizen.privacyNoticeVersion, citizen.consentGivenAt),
                    citizen.createdAt, citizen.updatedAt);
        }
    }
}
