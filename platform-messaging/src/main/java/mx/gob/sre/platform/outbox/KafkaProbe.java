package mx.gob.sre.platform.outbox;

import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

import io.smallrye.common.annotation.Identifier;

/**
 * Asks the broker whether it answers, at most once every few seconds, so health checks report a broker
 * outage within seconds without loading it.
 */
@ApplicationScoped
public class KafkaProbe {

    private static final long CACHE_NANOS = TimeUnit.SECONDS.toNanos(3);
    private static final int TIMEOUT_MS = 2000;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaDefaults;

    private Admin admin;
    private volatile boolean lastAnswer = true;
    private volatile long checkedAt = System.nanoTime() - CACHE_NANOS;

    /** True if the broker described its cluster within two seconds, as of the last few seconds. */
    public synchronized boolean reachable() {
        if (System.nanoTime() - checkedAt < CACHE_NANOS) {
            return lastAnswer;
        }
        try {
            admin().describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS)).nodes()
                    .get(TIMEOUT_MS + 500L, TimeUnit.MILLISECONDS);
            lastAnswer = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            lastAnswer = false;
        } catch (Exception e) {
            lastAnswer = false;
        }
        checkedAt = System.nanoTime();
        return lastAnswer;
    }

    private Admin admin() {
        if (admin == null) {
            Properties props = new Properties();
            kafkaDefaults.forEach((key, value) -> {
                if (AdminClientConfig.configNames().contains(key)) {
                    props.put(key, value);
                }
            });
            props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(TIMEOUT_MS));
            props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(TIMEOUT_MS));
            props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "1000");
            admin = Admin.create(props);
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close();
        }
    }
}
