package mx.gob.sre.voter.ine;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The INE integration: endpoint, shared secrets, timeouts and optional mutual TLS. */
@ConfigMapping(prefix = "voter.ine")
public interface IneConfig {

    /** INE's base URL (the simulator's locally). */
    String url();

    /** Who we are to INE. */
    @WithDefault("sre-consular-network")
    String clientId();

    /** HMAC-SHA256 key for the submissions we send (a Secret in production). */
    String submissionSecret();

    /** HMAC-SHA256 key INE signs its callbacks with (a Secret in production). */
    String callbackSecret();

    /** Callbacks older or newer than this are refused as stale. */
    @WithDefault("5m")
    Duration callbackMaxSkew();

    @WithDefault("2s")
    Duration connectTimeout();

    @WithDefault("5s")
    Duration requestTimeout();

    /** How often the dispatcher looks for due submissions. */
    @WithDefault("1s")
    Duration dispatchEvery();

    /** Longest wait between two attempts of one submission. */
    @WithDefault("5m")
    Duration maxBackoff();

    @WithDefault("20")
    int batchSize();

    Tls tls();

    /** Mutual TLS, when INE requires it: our key store and INE's trust store (PKCS#12). */
    interface Tls {
        Optional<String> keyStore();

        Optional<String> keyStorePassword();

        Optional<String> trustStore();

        Optional<String> trustStorePassword();
    }
}
