package mx.gob.sre.inesim;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * INE's side of the message signature agreed with the ministry: HMAC-SHA256 over
 * {@code <timestamp>.<body>}, sent as {@code v1=<hex>}. The simulator plays the other party, so it
 * implements the protocol on its own rather than borrowing the voter service's class.
 */
final class Signature {

    private Signature() {
    }

    static String sign(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(UTF_8), "HmacSHA256"));
            return "v1=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean valid(String secret, String timestamp, String body, String signature) {
        return timestamp != null && signature != null
                && MessageDigest.isEqual(sign(secret, timestamp, body).getBytes(UTF_8), signature.getBytes(UTF_8));
    }
}
