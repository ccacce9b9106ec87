package mx.gob.sre.scholarship.call;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import mx.gob.sre.platform.validation.IsoCurrency;

public final class CallApi {

    private CallApi() {
    }

    public enum Status {
        UPCOMING, OPEN, CLOSED
    }

    @Schema(name = "RubricCriterion")
    public record Criterion(
            @NotBlank @Size(max = 60) @Pattern(regexp = "[a-z][a-z0-9-]*") @Schema(examples = "community-impact")
            String name,
            @NotNull @Min(1) @Max(100) @Schema(description = "Weight in percent; all weights add up to 100",
                    examples = "40") Integer weight) {
    }

    @Schema(name = "CreateCallRequest", description = "A consulate's call (convocatoria) for a cycle")
    public record CreateCall(
            @Pattern(regexp = "[A-Z]{3,8}") @Schema(description = "IME only; a supervisor's call is for their consulate",
                    examples = "SJC") String consulate,
            @NotNull @Min(2000) @Max(2100) @Schema(examples = "2026") Integer cycle,
            @NotBlank @Size(max = 200) @Schema(examples = "IME-Becas 2026, Consulado de México en San José") String title,
            @NotNull @Schema(description = "Local time of the consulate", examples = "2026-12-01T09:00:00")
            LocalDateTime opens,
            @NotNull @Schema(description = "Local time of the consulate", examples = "2027-01-31T18:00:00")
            LocalDateTime closes,
            @NotNull @Min(0) @Schema(description = "Cap for adult education, in cents", examples = "1500000")
            Long adultEducationCapCents,
            @NotNull @Min(0) @Schema(description = "Cap for higher education, in cents", examples = "3000000")
            Long higherEducationCapCents,
            @NotNull @IsoCurrency @Schema(examples = "USD") String currency,
            @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 60) String> requiredDocuments,
            @NotEmpty @Size(max = 10) List<@Valid @NotNull Criterion> rubric) {
    }

    @Schema(name = "CommitteeRequest")
    public record Committee(@NotEmpty @Size(max = 10) List<@NotBlank @Size(max = 200) String> members) {
    }

    @Schema(name = "Call")
    public record CallView(UUID id, String consulate, int cycle, String title, Instant opensAt, Instant closesAt,
            String timeZone, LocalDateTime opensLocal, LocalDateTime closesLocal, long adultEducationCapCents,
            long higherEducationCapCents, String currency, List<String> requiredDocuments, List<Criterion> rubric,
            List<String> committee, Status status) {
    }
}
