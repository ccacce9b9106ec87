package mx.gob.sre.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class FieldCipherTest {

    static String key(int seed) {
        byte[] bytes = new byte[32];
        java.util.Arrays.fill(bytes, (byte) seed);
        return Base64.getEncoder().encodeToString(bytes);
    }

    static FieldCipher cipher(String keys, String active) {
        return new FieldCipher(new CryptoConfig() {
            @Override
            public Optional<String> keys() {
                return Optional.of(keys);
            }

            @Override
            public Optional<String> activeKey() {
                return Optional.of(active);
            }
        });
    }

    @Test
    void shouldSealWithTheActiveKeyAndReadAfterRotation() {
        FieldCipher before = cipher("k1:" + key(1), "k1");
        String stored = before.encrypt("She fled without her passport", "case-1/narrative");
        assertThat(stored).startsWith("v1:k1:").doesNotContain("passport");
        assertThat(stored).isNotEqualTo(before.encrypt("She fled without her passport", "case-1/narrative"));

        FieldCipher after = cipher("k1:" + key(1) + ",k2:" + key(2), "k2");
        assertThat(after.decrypt(stored, "case-1/narrative")).isEqualTo("She fled without her passport");
        assertThat(FieldCipher.keyIdOf(after.encrypt("x", "a"))).isEqualTo("k2");
    }

    @Test
    void shouldRefuseValuesMovedToAnotherRowOrTamperedWith() {
        FieldCipher cipher = cipher("k1:" + key(1), "k1");
        String stored = cipher.encrypt("secret", "case-1/narrative");
        assertThatThrownBy(() -> cipher.decrypt(stored, "case-2/narrative")).isInstanceOf(IllegalStateException.class);
        String tampered = stored.substring(0, stored.length() - 4) + (stored.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThatThrownBy(() -> cipher.decrypt(tampered, "case-1/narrative")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher("k9:" + key(9), "k9").decrypt(stored, "case-1/narrative"))
                .hasMessageContaining("k1");
    }
}
