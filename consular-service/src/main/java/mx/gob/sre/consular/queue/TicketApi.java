package mx.gob.sre.consular.queue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import mx.gob.sre.platform.curp.ValidCurp;

/** Requests and responses of the queue, procedures and surveys. */
public final class TicketApi {

    static final String BIOMETRIC_REF = "urn:sre:biometrics:[A-Za-z0-9:._-]{1,200}";

    private TicketApi() {
    }

    @Schema(name = "CheckInRequest", description = "Either an appointment id, or a walk-in's service (and CURP if known)")
    public record CheckIn(
            @Schema(description = "Appointment being checked in") UUID appointmentId,
            @Pattern(regexp = "[A-Z_]{3,32}") @Schema(description = "Walk-in: the procedure", examples = "MATRICULA")
            String service,
            @ValidCurp @Schema(description = "Walk-in: the person's CURP, if they have one") String curp) {
    }

    @Schema(name = "CallRequest")
    public record Call(@NotNull @Pattern(regexp = "[A-Za-z0-9 -]{1,16}") @Schema(examples = "Window 3") String counter) {
    }

    @Schema(name = "CallNextRequest")
    public record CallNext(
            @NotNull @Pattern(regexp = "[A-Za-z0-9 -]{1,16}") @Schema(examples = "Window 3") String counter,
            @Schema(description = "Only these procedures; all when empty") java.util.List<
                    @Pattern(regexp = "[A-Z_]{3,32}") String> services) {
    }

    @Schema(name = "CompleteRequest")
    public record Complete(
            @NotNull Outcome outcome,
            @Size(max = 1000) @Schema(description = "Required for INFO_REQUESTED") String missingInformation,
            @Size(max = 200) @Schema(description = "Required for REFERRED") String referredTo,
            @Valid @Schema(description = "Required to complete a VOTER_CARD procedure as RESOLVED")
            IdentityVerification identityVerification) {
    }

    @Schema(name = "IdentityVerification", description = "What the officer checked and captured for INE. "
            + "Biometrics are referenced, never sent.")
    public record IdentityVerification(
            @NotNull @Schema(description = "All documents checked and accepted") Boolean documentsVerified,
            @NotNull @Valid NationalityProof proofOfNationality,
            @NotNull @Schema(description = "Date on the proof of address", examples = "2026-10-15")
            LocalDate proofOfAddressIssuedOn,
            @NotNull @Schema(description = "The address is in this consulate's district") Boolean addressInDistrict,
            @NotNull @Valid Biometrics biometrics) {
    }

    @Schema(name = "NationalityProof")
    public record NationalityProof(
            @NotNull NationalityProofType type,
            @Pattern(regexp = "[A-Z]{2}") @Schema(description = "State of the (parent's) birth certificate; it "
                    + "decides the voting state of people born abroad", examples = "JC") String state) {
    }

    public enum NationalityProofType {
        BIRTH_CERTIFICATE, PARENT_BIRTH_CERTIFICATE, NATURALIZATION_LETTER
    }

    @Schema(name = "BiometricReferences")
    public record Biometrics(
            @NotNull @Pattern(regexp = BIOMETRIC_REF) @Schema(examples = "urn:sre:biometrics:SJC:2026:000123:fp")
            String fingerprints,
            @NotNull @Pattern(regexp = BIOMETRIC_REF) @Schema(examples = "urn:sre:biometrics:SJC:2026:000123:photo")
            String photo,
            @NotNull @Pattern(regexp = BIOMETRIC_REF) @Schema(examples = "urn:sre:biometrics:SJC:2026:000123:sig")
            String signature) {
    }

    @Schema(name = "Ticket")
    public record TicketView(
            UUID id,
            @Schema(examples = "A-017") String number,
            String consulate,
            LocalDate serviceDay,
            TicketKind kind,
            UUID appointmentId,
            String curp,
            @Schema(examples = "PASSPORT") String service,
            TicketStatus status,
            Instant checkedInAt,
            Instant calledAt,
            Instant servingStartedAt,
            Instant completedAt,
            String counter,
            Outcome outcome,
            @Schema(description = "Minutes from check-in to call, once called") Long waitMinutes,
            UUID procedureCaseId) {

        static TicketView of(Ticket t, UUID caseId) {
            Long wait = t.calledAt == null ? null : java.time.Duration.between(t.checkedInAt, t.calledAt).toMinutes();
            return new TicketView(t.id, t.number, t.consulateCode, t.serviceDay, t.kind, t.appointmentId, t.curp,
                    t.procedureCode, t.status, t.checkedInAt, t.calledAt, t.servingStartedAt, t.completedAt, t.counter,
                    t.outcome, wait, caseId);
        }
    }

    @Schema(name = "ProcedureCase", description = "A procedure and its statutory clock")
    public record CaseView(
            UUID id,
            UUID ticketId,
            String consulate,
            @Schema(examples = "PASSPORT") String service,
            String curp,
            ProcedureCase.Status status,
            Instant openedAt,
            Instant infoRequestDue,
            Instant resolutionDue,
            Instant infoRequestedAt,
            String missingInformation,
            Instant resolvedAt,
            String referredTo,
            @Schema(description = "Resolved within the statutory limit; null while open") Boolean withinLimit) {

        static CaseView of(ProcedureCase c) {
            Boolean within = c.resolvedAt == null ? null : c.resolvedInTime();
            return new CaseView(c.id, c.ticketId, c.consulateCode, c.procedureCode, c.curp, c.status, c.openedAt,
                    c.infoRequestDue, c.resolutionDue, c.infoRequestedAt, c.missingInformation, c.resolvedAt,
                    c.referredTo, within);
        }
    }

    @Schema(name = "RequestInformationRequest")
    public record RequestInformation(@NotNull @Size(min = 1, max = 1000) String missingInformation) {
    }

    @Schema(name = "SurveyRequest", description = "The customer-service survey, each answer from 1 (poor) to 5")
    public record SurveyAnswers(
            @NotNull @Min(1) @Max(5) Integer punctuality,
            @NotNull @Min(1) @Max(5) Integer duration,
            @NotNull @Min(1) @Max(5) Integer courtesy,
            @NotNull @Min(1) @Max(5) Integer competence,
            @NotNull @Min(1) @Max(5) Integer overall) {
    }
}
