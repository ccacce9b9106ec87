package mx.gob.sre.platform.crypto;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** Field-encryption keys; optional so services that encrypt nothing need none. */
@ConfigMapping(prefix = "suite.crypto")
public interface CryptoConfig {

    /** {@code id:base64,id:base64}: every key still needed to read stored values. */
    Optional<String> keys();

    /** The id of the key new values are sealed with. */
    Optional<String> activeKey();
}
