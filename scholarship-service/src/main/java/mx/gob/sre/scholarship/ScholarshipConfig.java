package mx.gob.sre.scholarship;

import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** IME-Becas and contest policy, from configuration. */
@ConfigMapping(prefix = "scholarship")
public interface ScholarshipConfig {

    /** The IME-wide budget per cycle, in USD cents (e.g. "2026" = 100000000 for USD 1M). */
    Map<String, Long> budgets();

    /** Each consulate's IANA time zone, for call windows given in local time. */
    Map<String, String> consulateTimeZones();

    /** Minimum share of the funds for low-income students of Mexican origin, in percent. */
    @WithDefault("80")
    int minLowIncomeSharePct();

    /** A partial award is made only when at least this share of the request can be funded. */
    @WithDefault("50")
    int minPartialAwardPct();

    /** Members on each consulate's committee. */
    @WithDefault("3")
    int committeeSize();

    /** Largest attachment (PDF) and drawing (PNG or JPEG), in bytes. */
    @WithDefault("5242880")
    long maxDocumentBytes();

    /** Winners and honourable mentions of the drawing contest. */
    @WithDefault("12")
    int contestWinners();

    @WithDefault("50")
    int contestHonourableMentions();
}
