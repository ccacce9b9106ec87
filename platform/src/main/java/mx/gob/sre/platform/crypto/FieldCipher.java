package mx.gob.sre.platform.crypto;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Encrypts sensitive fields at rest with AES-256-GCM. A stored value is {@code v1:<key id>:<base64 of
 * IV, ciphertext and tag>}, so keys can rotate: new values use the active key, old ones stay readable
 * while their key is configured. The associated data binds a value to its row and field, so a
 * ciphertext copied into another row or column does not decrypt.
 *
 * <p>Keys come from {@code suite.crypto.keys} ({@code id:base64,id:base64}, 32-byte keys; a Secret in
 * production) and {@code suite.crypto.active-key}.
 */
@ApplicationScoped
public class FieldCipher {

    private static final String PREFIX = "v1";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, SecretKey> keys = new HashMap<>();
    private final String activeKey;

    @Inject
    public FieldCipher(CryptoConfig config) {
        config.keys().ifPresent(list -> {
            for (String entry : list.split(",")) {
                String[] parts = entry.trim().split(":", 2);
                if (parts.length != 2) {
                    throw new IllegalStateException("suite.crypto.keys entries must be <id>:<base64 key>");
                }
                byte[] key = Base64.getDecoder().decode(parts[1].trim());
                if (key.length != 32) {
                    throw new IllegalStateException("suite.crypto.keys: key " + parts[0] + " is not 256 bits");
                }
                keys.put(parts[0].trim(), new SecretKeySpec(key, "AES"));
            }
        });
        this.activeKey = config.activeKey().orElse(null);
    }

    public String encrypt(String plaintext, String associatedData) {
        if (plaintext == null) {
            return null;
        }
        SecretKey key = keys.get(activeKey);
        if (key == null) {
            throw new IllegalStateException("No active field-encryption key: set suite.crypto.keys and "
                    + "suite.crypto.active-key");
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData.getBytes(UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(UTF_8));
            byte[] stored = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, stored, 0, iv.length);
            System.arraycopy(sealed, 0, stored, iv.length, sealed.length);
            return PREFIX + ":" + activeKey + ":" + Base64.getEncoder().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("field encryption failed", e);
        }
    }

    public String decrypt(String stored, String associatedData) {
        if (stored == null) {
            return null;
        }
        String[] parts = stored.split(":", 3);
        if (parts.length != 3 || !PREFIX.equals(parts[0])) {
            throw new IllegalStateException("not an encrypted field value");
        }
        SecretKey key = keys.get(parts[1]);
        if (key == null) {
            throw new IllegalStateException("field-encryption key " + parts[1] + " is not configured");
        }
        try {
            byte[] raw = Base64.getDecoder().decode(parts[2]);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, raw, 0, IV_BYTES));
            cipher.updateAAD(associatedData.getBytes(UTF_8));
            return new String(cipher.doFinal(raw, IV_BYTES, raw.length - IV_BYTES), UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("field decryption failed (wrong key or tampered value)", e);
        }
    }

    /** The key id a stored value was sealed with, e.g. to find values still on a retired key. */
    public static String keyIdOf(String stored) {
        String[] parts = stored.split(":", 3);
        return parts.length == 3 ? parts[1] : null;
    }
}
