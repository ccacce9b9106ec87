package mx.gob.sre.scholarship.grant;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class GrantApi {

    private GrantApi() {
    }

    public enum Category {
        ADULT_EDUCATION, HIGHER_EDUCATION
    }

    public enum ApplicationStatus {
        SUBMITTED, AWARDED, PARTIALLY_AWARDED, WAITLISTED
    }

    /** IME's money, or the institution's matching funds; the ledger keeps them apart. */
    public enum Fund {
        IME, MATCHING
    }

    @Schema(name = "GrantApplicationRequest")
    public record Apply(
            @NotNull UUID institutionId,
            @NotNull Category category,
            @NotNull @Min(1) @Schema(description = "In cents of the call's currency", examples = "1200000")
            Long amountRequestedCents,
            @NotNull @Min(1) @Schema(examples = "40") Integer students,
            @NotNull @Min(1) @Schema(examples = "30000") Long amountPerStudentCents,
            @NotBlank @Size(max = 4000) String selectionProcess,
            @NotBlank @Size(max = 4000) String timeline,
            @NotNull @Min(0) @Schema(description = "Matching funds the institution commits, in cents",
                    examples = "600000") Long matchingFundsCents,
            @NotNull @DecimalMin("0") @DecimalMax("100") @Schema(description = "Percent of the funds for low-income "
                    + "students of Mexican origin; at least 80", examples = "90") BigDecimal lowIncomeSharePct) {
    }

    @Schema(name = "GrantApplication")
    public record ApplicationView(UUID id, UUID callId, UUID institutionId, String institutionName, Category category,
            long amountRequestedCents, int students, long amountPerStudentCents, String selectionProcess,
            String timeline, long matchingFundsCents, BigDecimal lowIncomeSharePct, ApplicationStatus status,
            Long awardedCents, Integer waitlistPosition, Instant submittedAt, List<String> attachments) {
    }

    @Schema(name = "ConflictOfInterestRequest")
    public record Conflict(@NotNull UUID institutionId, @NotBlank @Size(max = 500) String reason) {
    }

    @Schema(name = "ScoreRequest", description = "A score from 0 to 10 for each criterion of the call's rubric")
    public record Score(@NotEmpty Map<String, @NotNull @Min(0) @jakarta.validation.constraints.Max(10) Integer> criteria) {
    }

    @Schema(name = "RankedApplication")
    public record Ranked(int rank, UUID applicationId, UUID institutionId, String institutionName, Category category,
            long amountRequestedCents, @Schema(description = "Hidden (null) until every eligible member has scored")
            BigDecimal averageScore, int scores, int eligibleMembers, ApplicationStatus status, Long awardedCents) {
    }

    @Schema(name = "Ranking", description = "By average weighted score; ties go to the higher low-income share, then "
            + "the larger matching-funds ratio, then the earlier submission")
    public record Ranking(UUID callId, boolean complete, List<Ranked> applications) {
    }

    @Schema(name = "AwardRound")
    public record Round(UUID callId, List<Ranked> awarded, List<Ranked> waitlisted, long awardedCents,
            long cycleBudgetRemainingCents) {
    }

    @Schema(name = "MouRequest")
    public record Mou(@NotNull LocalDate signedOn, @NotBlank @Size(max = 200) String signatory) {
    }

    @Schema(name = "PaymentRequest")
    public record Payment(
            @Schema(description = "IME (default): a payment by IME, only once the papers are on file and never past "
                    + "the award. MATCHING: the institution's own matching funds, booked apart") Fund fund,
            @NotNull @Min(1) Long amountCents, @NotNull LocalDate bookedOn,
            @NotBlank @Size(max = 100) @Schema(examples = "TRF-2026-000123") String reference) {
    }

    @Schema(name = "BeneficiaryReportRequest", description = "Counts only: no student is identified")
    public record BeneficiaryReport(
            @NotBlank @Size(max = 40) @Schema(examples = "2026-fall") String period,
            @NotNull @Min(0) Integer studentsServed,
            @NotNull @Min(0) Integer lowIncomeStudents,
            @NotNull @Min(0) Long fundsUsedCents,
            @NotNull @Min(0) Long fundsToLowIncomeCents) {
    }

    @Schema(name = "Award")
    public record AwardView(UUID id, UUID applicationId, UUID institutionId, String consulate, int cycle,
            Category category, long amountCents, String currency, boolean partial, LocalDate mouSignedOn,
            List<String> documents, long imeDisbursedCents, long matchingReceivedCents, boolean nonCompliant,
            List<ReportView> reports, Instant awardedAt) {
    }

    @Schema(name = "BeneficiaryReport")
    public record ReportView(String period, int studentsServed, int lowIncomeStudents, long fundsUsedCents,
            long fundsToLowIncomeCents, BigDecimal lowIncomeSharePct, boolean compliant) {
    }

    @Schema(name = "CycleReport", description = "Totals of a cycle; a consulate supervisor sees their consulate's")
    public record CycleReport(int cycle, long budgetCents, Line total, List<Line> byConsulate, List<Line> byCategory,
            List<Line> byInstitution) {
    }

    @Schema(name = "CycleReportLine")
    public record Line(String key, long awards, long awardedCents, long disbursedCents, long matchingCents,
            @Schema(description = "Students the awarded applications planned to serve") long studentsPlanned,
            @Schema(description = "Students served, from each award's latest beneficiary report") long studentsServed,
            @Schema(description = "Awards flagged by a report under the 80% rule") long nonCompliant) {
    }
}
