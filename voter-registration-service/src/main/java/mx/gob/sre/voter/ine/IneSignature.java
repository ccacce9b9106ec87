package mx.gob.sre.voter.ine;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of messages exchanged with INE: HMAC-SHA256 over {@code <timestamp>.<body>}, hex-encoded,
 * sent as {@code X-INE-Signature: v1=<hex>} with {@code X-INE-Timestamp: <epoch seconds>}. Binding the
 * timestamp into the MAC is what lets a receiver refuse stale or replayed messages.
 */
public final class IneSignature {

    public static final String TIMESTAMP_HEADER = "X-INE-Timestamp";
    public static final String SIGNATURE_HEADER = "X-INE-Signature";
    public static final String CLIENT_HEADER = "X-INE-Client";

    private IneSignature() {
    }

    public static String sign(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(UTF_8), "HmacSHA256"));
            return "v1=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean verify(String secret, String timestamp, String body, String signature) {
        if (timestamp == null || signature == null) {
            return false;
        }
        return MessageDigest.isEqual(sign(secret, timestamp, body).getBytes(UTF_8), signature.getBytes(UTF_8));
    }
}
