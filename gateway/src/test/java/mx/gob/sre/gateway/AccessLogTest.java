package mx.gob.sre.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class AccessLogTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String line(Instant time, String requestId, String method, String path, String route,
            String client, int status, long totalNanos, String upstreamMs) {
        return AccessLog.appendLine(new StringBuilder(), time, requestId, method, path, route, client, status,
                totalNanos, upstreamMs).toString();
    }

    @Test
    void aLineIsOneJsonObjectWithTheCurpMaskedAndOddCharactersEscaped() throws Exception {
        String line = line(Instant.parse("2026-11-28T10:15:30Z"), "req-\"1\"", "GET",
                "/api/voter/citizens/GOMC850101HDFRRR09/eligibility", "voter", "mobile-app", 200, 1_500_000, "1");

        assertThat(line).doesNotContain("\n").doesNotContain("GOMC850101HDFRRR09");
        JsonNode json = JSON.readTree(line);
        assertThat(json.get("time").asText()).isEqualTo("2026-11-28T10:15:30Z");
        assertThat(json.get("requestId").asText()).isEqualTo("req-\"1\"");
        assertThat(json.get("method").asText()).isEqualTo("GET");
        assertThat(json.get("path").asText()).isEqualTo("/api/voter/citizens/GOMC**************/eligibility");
        assertThat(json.get("route").asText()).isEqualTo("voter");
        assertThat(json.get("client").asText()).isEqualTo("mobile-app");
        assertThat(json.get("status").asInt()).isEqualTo(200);
        assertThat(json.get("totalMs").asDouble()).isEqualTo(1.5);
        assertThat(json.get("upstreamMs").asLong()).isEqualTo(1);
    }

    @Test
    void controlCharactersAndNonAsciiInCallerSuppliedFieldsStayInsideTheirJsonString() throws Exception {
        String requestId = "a\nb\r\t\u0001\\\"}, \"status\": 500";
        String path = "/api/consular/consulados/Le\u00f3n/\u2028x";
        String line = line(Instant.EPOCH, requestId, "GET", path, "consular", "user:ana", 200, 12_345_678_901L,
                "7");

        assertThat(line).doesNotContain("\n").doesNotContain("\r").doesNotContain("\u0001");
        JsonNode json = JSON.readTree(line);
        assertThat(json.size()).isEqualTo(9);
        assertThat(json.get("requestId").asText()).isEqualTo(requestId);
        assertThat(json.get("path").asText()).isEqualTo(path);
        assertThat(json.get("status").asInt()).isEqualTo(200);
        assertThat(json.get("totalMs").asDouble()).isEqualTo(12_345.678901);
        assertThat(json.get("upstreamMs").asLong()).isEqualTo(7);
    }

    @Test
    void aMissingOrGarbledUpstreamTimeIsNull() throws Exception {
        for (String upstream : new String[] {null, "soon"}) {
            JsonNode json = JSON.readTree(line(Instant.EPOCH, null, "POST", "/api/consular/citizens",
                    "consular", "anonymous", 401, 0, upstream));
            assertThat(json.get("upstreamMs").isNull()).isTrue();
            assertThat(json.get("requestId").isNull()).isTrue();
        }
    }

    @Test
    void theTimeIsPrintedExactlyAsInstantPrintsIt() {
        Instant base = Instant.parse("2026-12-07T23:59:59Z");
        for (Instant time : List.of(base, base.plusMillis(7), base.plusNanos(120_000), base.plusNanos(403_660_467),
                base.plusNanos(999_999_999), base.plusSeconds(1), base.plusSeconds(1).plusNanos(1),
                Instant.EPOCH, Instant.parse("1999-01-01T00:00:00.5Z"), base)) {
            assertThat(AccessLog.appendTime(new StringBuilder(), time).toString()).isEqualTo(time.toString());
        }
    }

    @Test
    void anAnswerWhoseCallerHadGoneIsLoggedAs499NotAsTheStatusSentToNobody() {
        // wrk killed mid-run (bench): Vert.x's proxy ended each in-flight answer with 502 on a closed
        // connection, which read as 502s of the service in the log and in gateway.requests.
        assertThat(AccessLog.status(true, 502)).isEqualTo(499);
        assertThat(AccessLog.status(false, 502)).isEqualTo(502);
        assertThat(AccessLog.status(false, 200)).isEqualTo(200);
    }

    @Test
    void oneTimerPerRouteClientAndStatusIsRegisteredOnceAndRecordsEveryRequest() {
        AccessLog log = new AccessLog();
        log.registry = new SimpleMeterRegistry();

        log.timer("voter", "mobile-app", 200).record(java.time.Duration.ofMillis(2));
        log.timer("voter", "mobile-app", 200).record(java.time.Duration.ofMillis(4));
        log.timer("voter", "mobile-app", 404).record(java.time.Duration.ofMillis(1));

        assertThat(log.timer("voter", "mobile-app", 200)).isSameAs(log.timer("voter", "mobile-app", 200));
        assertThat(log.registry.get("gateway.requests").tags("route", "voter", "client", "mobile-app", "status", "200")
                .timer().count()).isEqualTo(2);
        assertThat(log.registry.get("gateway.requests").tags("status", "404").timer().count()).isEqualTo(1);
    }
}
