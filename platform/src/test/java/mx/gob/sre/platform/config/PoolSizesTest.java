package mx.gob.sre.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The platform's defaults for the pools every service shares (ADR 0017). */
class PoolSizesTest {

    @Test
    void shouldBoundTheWorkerPoolByTheConnectionsItsEndpointsWaitFor() throws IOException {
        Properties defaults = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/microprofile-config.properties")) {
            assertThat(in).isNotNull();
            defaults.load(in);
        }
        int workers = Integer.parseInt(defaults.getProperty("quarkus.thread-pool.max-threads", "200"));
        int connections = Integer.parseInt(defaults.getProperty("quarkus.datasource.jdbc.max-size"));

        // Enough workers to keep every connection busy and serve the requests that need none...
        assertThat(workers).isGreaterThan(connections);
        // ...but not Quarkus' 200, where the extra threads only queue for a connection (bench/README.md).
        assertThat(workers).isLessThanOrEqualTo(2 * connections);
    }
}
