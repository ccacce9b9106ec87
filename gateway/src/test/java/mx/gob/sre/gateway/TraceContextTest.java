package mx.gob.sre.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class TraceContextTest {

    private static final String FORMAT = "00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}";

    @Test
    void aValidCallerTraceIsContinuedWithItsFlagsAndANewParentId() {
        String incoming = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00";
        String child = TraceContext.childOf(" " + incoming + " ");
        assertThat(child).matches(FORMAT).startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-").endsWith("-00")
                .isNotEqualTo(incoming);
        assertThat(child.substring(36, 52)).isNotEqualTo("0000000000000000");
    }

    @Test
    void anAbsentMalformedOrAllZeroTraceStartsANewSampledOne() {
        for (String incoming : new String[] {null, "", "garbage", "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
                "00-00000000000000000000000000000000-00f067aa0ba902b7-01"}) {
            String child = TraceContext.childOf(incoming);
            assertThat(child).matches(FORMAT).endsWith("-01");
            assertThat(child.substring(3, 35)).isNotEqualTo("0".repeat(32));
        }
    }

    @Test
    void traceAndParentIdsDoNotRepeat() {
        Set<String> traces = new HashSet<>();
        Set<String> parents = new HashSet<>();
        for (int i = 0; i < 50_000; i++) {
            String child = TraceContext.childOf(null);
            traces.add(child.substring(3, 35));
            parents.add(child.substring(36, 52));
        }
        assertThat(traces).hasSize(50_000);
        assertThat(parents).hasSize(50_000);
    }
}
