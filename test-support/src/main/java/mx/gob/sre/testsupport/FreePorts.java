package mx.gob.sre.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Finds free loopback ports for embedded servers and local stacks.
 *
 * <p>The ports come from below Linux's ephemeral range (32768–60999 by default), not from the kernel's own
 * choice ({@code new ServerSocket(0)}), which lies inside it: between this check and the server's bind, any
 * outgoing connection (a Kafka client's, a JDBC pool's) may be given the same port, and the server then fails
 * with "address in use" (seen in CI: a training start of the local stack lost its port this way). Ports are
 * handed out in turn, so one JVM does not return a port twice until it has gone round all 12,000; the start
 * depends on the process id, so successive test JVMs mostly begin far from each other's recent ports.
 */
public final class FreePorts {

    static final int FIRST = 20_000;
    static final int LAST = 32_000;  // exclusive; below the ephemeral range
    private static int next = FIRST + (int) (ProcessHandle.current().pid() * 97 % (LAST - FIRST));

    private FreePorts() {
    }

    public static synchronized int next() {
        for (int tried = 0; tried < LAST - FIRST; tried++) {
            int port = next;
            next = next + 1 < LAST ? next + 1 : FIRST;
            if (free(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free loopback port between " + FIRST + " and " + LAST);
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
