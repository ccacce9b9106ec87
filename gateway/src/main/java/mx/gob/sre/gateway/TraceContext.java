package mx.gob.sre.gateway;

import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import io.vertx.core.http.HttpHeaders;

/**
 * W3C trace context: the gateway continues the caller's trace, or starts one, and gives the upstream
 * call its own parent id.
 */
final class TraceContext {

    /** The header's name as a Netty AsciiString, hashed once for every get and set. */
    static final CharSequence HEADER = HttpHeaders.createOptimized("traceparent");

    private static final Pattern VALID = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
    private static final String ZERO_TRACE = "0".repeat(32);
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private TraceContext() {
    }

    /** The header for the upstream call: the caller's trace and flags if valid, with a new parent id. */
    static String childOf(String incoming) {
        char[] header = new char[55];  // 00-<32 hex trace id>-<16 hex parent id>-<2 hex flags>
        header[0] = '0';
        header[1] = '0';
        header[2] = '-';
        header[35] = '-';
        header[52] = '-';
        ThreadLocalRandom random = ThreadLocalRandom.current();
        var matcher = incoming == null ? null : VALID.matcher(incoming.trim());
        if (matcher != null && matcher.matches() && !ZERO_TRACE.equals(matcher.group(1))) {
            matcher.group(1).getChars(0, 32, header, 3);
            matcher.group(3).getChars(0, 2, header, 53);
        } else {
            hex(random.nextLong(), header, 3);
            hex(random.nextLong() | 1, header, 19);  // never the all-zero id W3C forbids
            header[53] = '0';
            header[54] = '1';
        }
        hex(random.nextLong() | 1, header, 36);
        return new String(header);
    }

    /** The 16 hex digits of a long, written into {@code out} from {@code at}. */
    private static void hex(long value, char[] out, int at) {
        for (int i = 15; i >= 0; i--) {
            out[at + i] = HEX[(int) (value & 0xF)];
            value >>>= 4;
        }
    }
}
