package mx.gob.sre.platform.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the transactional outbox and its relay. */
@ConfigMapping(prefix = "suite.outbox")
public interface OutboxConfig {

    /** Whether this replica runs a relay. Several replicas may; they share work through SKIP LOCKED. */
    @WithDefault("true")
    boolean relayEnabled();

    /** Rows claimed and sent per relay round. */
    @WithDefault("200")
    int batchSize();

    /** Fallback poll when no commit has woken the relay. */
    @WithDefault("1s")
    Duration pollInterval();

    /** Longest pause between rounds while Kafka refuses sends. */
    @WithDefault("5s")
    Duration maxBackoff();

    /** How long a round waits for the broker's acknowledgements. */
    @WithDefault("15s")
    Duration sendTimeout();

    /** How long published rows are kept, for reconciliation, before they are deleted. */
    @WithDefault("7d")
    Duration retention();
}
