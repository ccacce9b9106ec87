package mx.gob.sre.voter.application;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Policy of the voter-card process, from configuration. */
@ConfigMapping(prefix = "voter.applications")
public interface ApplicationRules {

    /** A proof of address may be at most this old when captured. */
    @WithDefault("3")
    int proofOfAddressMaxMonths();

    /** Days to correct an application when INE does not give a deadline. */
    @WithDefault("30")
    int remediationDays();

    /** Failed delivery attempts before the courier holds the card. */
    @WithDefault("3")
    int maxDeliveryAttempts();

    /** Days a held card waits before it is returned to Mexico. */
    @WithDefault("30")
    int heldDays();

    /** When to remind citizens whose card was delivered but not activated, counted from delivery. */
    @WithDefault("7d,21d,45d")
    List<Duration> activationReminders();

    /** How often the sweeps (remediation deadlines, held cards, reminders) run. */
    @WithDefault("60s")
    Duration sweepEvery();
}
