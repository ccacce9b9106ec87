package mx.gob.sre.consular.standards;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A consulate's service standards over a period, computed from its records. */
@Schema(name = "ServiceStandards")
public record ServiceStandards(
        @Schema(examples = "SJC") String consulate,
        LocalDate from,
        LocalDate to,
        long appointments,
        long walkIns,
        long noShows,
        @Schema(description = "No-shows over appointments due in the period") Double noShowRate,
        @Schema(description = "People called to a counter") long served,
        Double medianWaitMinutes,
        Double p90WaitMinutes,
        @Schema(description = "Share called within their procedure's target wait") Double servedWithinTargetShare,
        @Schema(description = "Procedures resolved, or past their deadline, in the period") long proceduresDecided,
        @Schema(description = "Share of decided procedures resolved within the statutory limit")
        Double resolvedWithinLimitShare,
        Surveys surveys,
        Certification certification) {

    @Schema(name = "SurveyAverages")
    public record Surveys(long responses, Double punctuality, Double duration, Double courtesy, Double competence,
            Double overall) {
    }

    @Schema(name = "Certification")
    public record Certification(boolean passed, List<Check> checks) {
    }

    @Schema(name = "CertificationCheck")
    public record Check(
            @Schema(examples = "servedWithinTarget") String criterion,
            @Schema(examples = "0.9") double threshold,
            Double value,
            boolean passed,
            @Schema(description = "Why it failed; absent when it passed") String reason) {
    }
}
