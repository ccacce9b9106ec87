package mx.gob.sre.inesim;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "simulator")
public interface SimulatorConfig {

    String submissionSecret();

    String callbackSecret();

    String callbackUrl();

    /** A file holding INE's API key at the gateway; read when a callback is sent (the stack writes it late). */
    Optional<String> apiKeyFile();

    @WithDefault("5s")
    Duration stepInterval();

    @WithDefault("15")
    int remediationPercent();

    @WithDefault("5")
    int rejectionPercent();

    @WithDefault("10")
    int failedDeliveryPercent();
}
