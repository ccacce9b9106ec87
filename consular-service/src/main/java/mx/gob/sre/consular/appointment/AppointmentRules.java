package mx.gob.sre.consular.appointment;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Booking policy, from configuration. */
@ConfigMapping(prefix = "consular.appointments")
public interface AppointmentRules {

    /** Active appointments a citizen may hold at once (against resellers of appointments). */
    @WithDefault("5")
    int maxActivePerCitizen();

    /** How far ahead a slot can be booked. */
    @WithDefault("90d")
    Duration bookingHorizon();

    /** The latest a slot can be booked before it starts. */
    @WithDefault("1h")
    Duration minimumLeadTime();

    /** Longest date range one availability query covers. */
    @WithDefault("31")
    int maxAvailabilityDays();

    /** How long after a slot ends an appointment nobody checked in for becomes a no-show. */
    @WithDefault("15m")
    Duration noShowGrace();

    /** How often the no-show check runs. */
    @WithDefault("60s")
    Duration noShowCheckEvery();
}
