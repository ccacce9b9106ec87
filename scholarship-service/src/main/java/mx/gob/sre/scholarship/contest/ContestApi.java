package mx.gob.sre.scholarship.contest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import mx.gob.sre.platform.curp.ValidCurp;
import mx.gob.sre.platform.validation.IsoCountry;

public final class ContestApi {

    private ContestApi() {
    }

    public enum Status {
        UPCOMING, OPEN, CLOSED, RESULTS_PUBLISHED
    }

    public enum EntryStatus {
        AWAITING_IMAGE, SUBMITTED, DISQUALIFIED
    }

    public enum Placement {
        WINNER, HONOURABLE_MENTION
    }

    public enum DisqualificationReason {
        TRACED, ADULT_ASSISTED, INELIGIBLE
    }

    /** How the child has a Mexican background, as the guardian declares it. */
    public enum MexicanBackground {
        MEXICAN_NATIONAL, MEXICAN_PARENT, MEXICAN_DESCENT
    }

    @Schema(name = "ContestAgeCategory")
    public record AgeCategory(
            @NotBlank @Pattern(regexp = "[a-z0-9-]{1,40}") @Schema(examples = "6-8") String name,
            @NotNull @Min(6) @Max(14) Integer minAge,
            @NotNull @Min(6) @Max(14) Integer maxAge) {
    }

    @Schema(name = "CreateContestRequest")
    public record CreateContest(
            @NotBlank @Size(max = 200) @Schema(examples = "Este es mi México 2026") String title,
            @NotNull @Min(2000) @Max(2100) Integer cycle,
            @NotNull Instant opensAt,
            @NotNull Instant closesAt,
            @NotBlank @Size(max = 20000) String rulesText,
            @NotBlank @Pattern(regexp = "[A-Za-z0-9.-]{1,32}") @Schema(examples = "2026.1") String rulesVersion,
            @NotEmpty @Size(max = 9) List<@Valid @NotNull AgeCategory> ageCategories) {
    }

    @Schema(name = "Contest")
    public record ContestView(UUID id, String title, int cycle, Instant opensAt, Instant closesAt, String rulesText,
            String rulesVersion, List<AgeCategory> ageCategories, Status status, Instant resultsPublishedAt) {
    }

    @Schema(name = "ContestChild", description = "The child's surnames are encrypted at rest and never published")
    public record Child(
            @NotBlank @Size(max = 100) @Schema(examples = "Sofía") String givenNames,
            @NotBlank @Size(max = 100) @Schema(examples = "Hernández López") String surnames,
            @NotNull @Past LocalDate dateOfBirth) {
    }

    @Schema(name = "ContestGuardian", description = "Encrypted at rest. The CURP, if the guardian has one, puts the "
            + "result on their timeline in the consular app; a citizen entering through the app is the guardian and "
            + "their CURP is taken from their sign-in")
    public record Guardian(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 40) @Schema(examples = "mother") String relationship,
            @NotNull @Email @Size(max = 254) String email,
            @Pattern(regexp = "\\+[1-9][0-9]{6,14}") String phone,
            @ValidCurp String curp) {
    }

    @Schema(name = "ContestConsent", description = "The guardian's consent to the rules of the stated version and to "
            + "the transfer of the drawing's rights to IME; publication in the gallery is a separate choice")
    public record Consent(
            @NotBlank @Size(max = 32) @Schema(examples = "2026.1") String rulesVersion,
            @NotNull Boolean guardianConsent,
            @NotNull Boolean rightsTransferred,
            @NotNull Boolean publicationConsent) {
    }

    @Schema(name = "ContestEntryRequest", description = "The drawing itself (PNG or JPEG) is uploaded next, to "
            + "/uploads/contests/{id}/entries/{entryId}/image")
    public record CreateEntry(
            @NotNull @Valid Child child,
            @NotNull @IsoCountry @Schema(examples = "US") String countryOfResidence,
            @NotNull MexicanBackground mexicanBackground,
            @NotBlank @Size(max = 200) @Schema(examples = "Mi abuela en Oaxaca") String drawingTitle,
            @NotNull @Valid Guardian guardian,
            @NotNull @Valid Consent consent) {
    }

    @Schema(name = "ContestEntry", description = "The child's surnames and the guardian are shown only to the "
            + "guardian and IME")
    public record EntryView(UUID id, UUID contestId, String childGivenNames, String childSurnames, int childAge,
            String ageCategory, String countryOfResidence, String drawingTitle, Guardian guardian,
            boolean publicationConsent, EntryStatus status, DisqualificationReason disqualification, Placement placement,
            Instant createdAt) {
    }

    @Schema(name = "DisqualificationRequest")
    public record Disqualify(@NotNull DisqualificationReason reason, @NotBlank @Size(max = 500) String note) {
    }

    @Schema(name = "ContestResultsRequest", description = "12 winners and 50 honourable mentions (or as many as "
            + "there are eligible entries), every age category with eligible entries having at least one winner")
    public record Results(@NotNull @Size(max = 100) List<@NotNull UUID> winners,
            @NotNull @Size(max = 500) List<@NotNull UUID> honourableMentions) {
    }

    @Schema(name = "PlacedEntry")
    public record Placed(UUID entryId, String childGivenNames, String ageCategory, String countryOfResidence,
            String drawingTitle, Placement placement) {
    }

    @Schema(name = "ContestResults")
    public record ResultsView(UUID contestId, Instant publishedAt, List<Placed> winners, List<Placed> honourableMentions) {
    }

    @Schema(name = "GalleryItem", description = "A winner whose guardian consented to publication; never the "
            + "child's surname or address")
    public record GalleryItem(UUID entryId, String childGivenNames, String ageCategory, String countryOfResidence,
            String drawingTitle, String imagePath) {
    }
}
