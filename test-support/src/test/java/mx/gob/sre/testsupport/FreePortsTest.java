package mx.gob.sre.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void shouldHandOutDistinctBindablePortsBelowTheEphemeralRange() throws Exception {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            int port = FreePorts.next();
            assertThat(port).isBetween(FreePorts.FIRST, FreePorts.LAST - 1);
            assertThat(ports.add(port)).as("port %d handed out twice", port).isTrue();
        }
        int port = FreePorts.next();
        try (ServerSocket server = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertThat(server.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void shouldSkipAPortSomeoneListensOn() throws Exception {
        int taken = FreePorts.next();
        try (ServerSocket holder = new ServerSocket(taken + 1, 1, InetAddress.getLoopbackAddress())) {
            assertThat(FreePorts.next()).isNotEqualTo(taken + 1);
        }
    }
}
