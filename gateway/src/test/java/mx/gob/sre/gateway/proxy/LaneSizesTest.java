package mx.gob.sre.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class LaneSizesTest {

    @Test
    void shouldShareTheConnectionsOutOverOneLanePerEventLoop() {
        assertThat(UpstreamProxies.laneSizes(200, 4)).containsExactly(50, 50, 50, 50);
        assertThat(UpstreamProxies.laneSizes(10, 4)).containsExactly(3, 3, 2, 2);
    }

    @Test
    void shouldNeverOpenMoreConnectionsThanConfigured() {
        for (int max = 1; max <= 40; max++) {
            for (int loops = 1; loops <= 16; loops++) {
                int[] sizes = UpstreamProxies.laneSizes(max, loops);
                assertThat(Arrays.stream(sizes).sum()).as("%d connections over %d loops", max, loops).isEqualTo(max);
                assertThat(sizes.length).isLessThanOrEqualTo(loops);
                assertThat(Arrays.stream(sizes).min().orElseThrow()).isGreaterThanOrEqualTo(1);
            }
        }
    }

    @Test
    void shouldKeepOneSharedLaneWhenThePoolHasOneConnection() {
        // A pool of one stays one pool: the busy-upstream limit holds whatever loop a request arrives on.
        assertThat(UpstreamProxies.laneSizes(1, 8)).containsExactly(1);
    }
}
