package mx.gob.sre.gateway;

import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * W3C trace context: the gateway continues the caller's trace, or starts one, and gives the upstream
 * call its own parent id.
 */
final class TraceContext {

    static final String HEADER = "traceparent";

    private static final Pattern VALID = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
    private static final String ZERO_TRACE = "0".repeat(32);

    private TraceContext() {
    }

    static String childOf(String incoming) {
        if (incoming != null) {
            var matcher = VALID.matcher(incoming.trim());
            if (matcher.matches() && !ZERO_TRACE.equals(matcher.group(1))) {
                return "00-" + matcher.group(1) + "-" + randomHex(16) + "-" + matcher.group(3);
            }
        }
        return "00-" + randomHex(32) + "-" + randomHex(16) + "-01";
    }

    private static String randomHex(int length) {
        StringBuilder hex = new StringBuilder(length);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (hex.length() < length) {
            hex.append(Long.toHexString(random.nextLong() | Long.MIN_VALUE), 1, 16);
        }
        return hex.substring(0, length);
    }
}
