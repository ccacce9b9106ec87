package mx.gob.sre.consular.standards;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Thresholds of the customer-service certification, from configuration. */
@ConfigMapping(prefix = "consular.standards")
public interface CertificationThresholds {

    /** Share of people called within their procedure's target wait. */
    @WithDefault("0.90")
    double minServedWithinTarget();

    /** Median wait from check-in to call, in minutes. */
    @WithDefault("60")
    double maxMedianWaitMinutes();

    /** Share of decided procedures resolved within their statutory limit. */
    @WithDefault("0.95")
    double minResolvedWithinLimit();

    /** Average overall survey rating (1 to 5). */
    @WithDefault("4.0")
    double minOverallRating();

    /** Share of appointments nobody came for. */
    @WithDefault("0.20")
    double maxNoShowRate();

    /** Fewer survey answers than this make the rating check fail for lack of evidence. */
    @WithDefault("10")
    int minSurveyResponses();
}
