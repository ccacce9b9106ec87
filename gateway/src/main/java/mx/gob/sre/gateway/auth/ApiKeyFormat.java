package mx.gob.sre.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * API keys look like {@code csk_<keyId>_<secret>}. The key id finds the stored record; the secret, 256
 * random bits, is kept only as its SHA-256 hash and compared in constant time. A fast hash is right here:
 * the secret has full entropy, so there is nothing to brute-force.
 */
public final class ApiKeyFormat {

    private static final Pattern SHAPE = Pattern.compile("csk_([a-z0-9]{16})_([A-Za-z0-9_-]{43})");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private ApiKeyFormat() {
    }

    public record Parsed(String keyId, String secret) {
    }

    public record Issued(String keyId, String plaintext, byte[] secretHash) {
    }

    public static Optional<Parsed> parse(String presented) {
        if (presented == null || presented.length() > 100) {
            return Optional.empty();
        }
        Matcher matcher = SHAPE.matcher(presented);
        return matcher.matches() ? Optional.of(new Parsed(matcher.group(1), matcher.group(2))) : Optional.empty();
    }

    public static Issued issue() {
        StringBuilder id = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            id.append(ID_ALPHABET[RANDOM.nextInt(ID_ALPHABET.length)]);
        }
        byte[] secretBytes = new byte[32];
        RANDOM.nextBytes(secretBytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
        return new Issued(id.toString(), "csk_" + id + "_" + secret, hash(secret));
    }

    public static byte[] hash(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean matches(String secret, byte[] storedHash) {
        return MessageDigest.isEqual(hash(secret), storedHash);
    }
}
