package mx.gob.sre.platform.outbox;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import mx.gob.sre.platform.events.CloudEventHeaders;

/**
 * Sends committed outbox rows to Kafka as CloudEvents in binary mode.
 *
 * <p>A commit that wrote events wakes the relay at once; a poll every {@code suite.outbox.poll-interval}
 * catches anything else (events of another replica, a missed wake-up, rows left while Kafka was down).
 * Each round claims rows with {@code FOR UPDATE SKIP LOCKED}, so several replicas share the work without
 * sending a row twice. A row whose aggregate still has an older unpublished row held by another replica
 * is left for a later round, so the events of one aggregate reach Kafka in commit order.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    OutboxConfig config;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MeterRegistry registry;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaDefaults;

    @ConfigProperty(name = "quarkus.application.name")
    String serviceName;

    private final Semaphore wake = new Semaphore(0);
    private final AtomicLong pending = new AtomicLong();
    private volatile boolean running;
    private volatile boolean brokerHealthy = true;
    private Thread worker;
    private KafkaProducer<String, byte[]> producer;
    private Counter published;
    private Counter failures;
    private Timer lag;

    void start(@Observes StartupEvent event) {
        published = registry.counter("outbox.events.published");
        failures = registry.counter("outbox.publish.failures");
        lag = Timer.builder("outbox.publish.lag")
                .description("From the commit of an event until Kafka acknowledged it")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
        registry.gauge("outbox.events.pending", pending);
        if (!config.relayEnabled()) {
            LOG.info("Outbox relay disabled on this replica");
            return;
        }
        producer = new KafkaProducer<>(producerProperties(), new StringSerializer(), new ByteArraySerializer());
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        wake.release();
        if (worker != null) {
            try {
                worker.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** Called after a commit that wrote events. Cheap and non-blocking. */
    public void wakeUp() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    /** Rows left unpublished after the last round. */
    public long pendingEvents() {
        return pending.get();
    }

    /** True unless the last round failed to reach the broker. */
    public boolean brokerHealthy() {
        return brokerHealthy;
    }

    private Properties producerProperties() {
        Properties props = new Properties();
        kafkaDefaults.forEach((key, value) -> {
            if (ProducerConfig.configNames().contains(key)) {
                props.put(key, value);
            }
        });
        long timeout = config.sendTimeout().toMillis();
        props.put(ProducerConfig.CLIENT_ID_CONFIG, serviceName + "-outbox-relay");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "1");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(Math.min(timeout, 5000)));
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(Math.max(1000, timeout / 2)));
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(timeout));
        props.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "2000");
        return props;
    }

    private void run() {
        long backoff = 0;
        while (running) {
            try {
                int sent = drainOnce();
                brokerHealthy = true;
                backoff = 0;
                if (sent >= config.batchSize()) {
                    continue;
                }
                wake.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                brokerHealthy = !(e instanceof PublishFailedException);
                failures.increment();
                backoff = backoff == 0 ? 200 : Math.min(backoff * 2, config.maxBackoff().toMillis());
                LOG.warnf("Outbox relay round failed, next try in %d ms: %s", backoff, describe(e));
                try {
                    wake.tryAcquire(backoff, TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Claims one batch, sends it, and marks what the broker acknowledged, all in one transaction that
     * commits even when part of the batch failed (the failed rows stay pending). Returns the rows sent.
     */
    int drainOnce() {
        Round round = QuarkusTransaction.requiringNew().timeout((int) config.sendTimeout().toSeconds() + 30)
                .call(this::sendBatch);
        published.increment(round.sent());
        pending.set(round.left());
        if (round.failure() != null) {
            throw round.failure();
        }
        return round.sent();
    }

    private Round sendBatch() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            List<Row> claimed = claim(connection);
            if (claimed.isEmpty()) {
                return new Round(0, 0, null);
            }
            List<Row> sendable = withoutBlocked(connection, claimed);
            List<Future<?>> acks = new ArrayList<>(sendable.size());
            PublishFailedException failure = null;
            for (Row row : sendable) {
                try {
                    acks.add(producer.send(toRecord(row)));
                } catch (RuntimeException e) {
                    failure = new PublishFailedException("broker refused the send", e);
                    break;
                }
            }
            List<Long> done = new ArrayList<>();
            long deadline = System.nanoTime() + config.sendTimeout().toNanos();
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            for (int i = 0; i < acks.size(); i++) {
                Row row = sendable.get(i);
                try {
                    acks.get(i).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    done.add(row.seq());
                    lag.record(Duration.between(row.occurredAt(), now));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure = new PublishFailedException("interrupted", e);
                    break;
                } catch (Exception e) {
                    failure = new PublishFailedException("broker did not acknowledge", e);
                }
            }
            markPublished(connection, done);
            if (failure != null) {
                markAttempted(connection, sendable, done);
            }
            return new Round(done.size(), claimed.size() - done.size(), failure);
        }
    }

    private record Round(int sent, int left, PublishFailedException failure) {
    }

    private List<Row> claim(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT seq, event_id, topic, aggregate_key, event_type, payload, request_id, occurred_at
                FROM outbox_event
                WHERE published_at IS NULL
                ORDER BY seq
                LIMIT ?
                FOR UPDATE SKIP LOCKED""")) {
            select.setInt(1, config.batchSize());
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, OffsetDateTime.class)));
                }
            }
            return rows;
        }
    }

    /**
     * Drops rows whose aggregate has an older unpublished row outside this batch: another replica holds
     * it, and sending ours first would reorder the aggregate's events.
     */
    private List<Row> withoutBlocked(Connection connection, List<Row> claimed) throws SQLException {
        long maxSeq = claimed.get(claimed.size() - 1).seq();
        Map<String, Long> oldestElsewhere = new HashMap<>();
        try (PreparedStatement blockers = connection.prepareStatement("""
                SELECT topic, aggregate_key, min(seq)
                FROM outbox_event
                WHERE published_at IS NULL AND seq < ? AND NOT (seq = ANY (?))
                GROUP BY topic, aggregate_key""")) {
            blockers.setLong(1, maxSeq);
            blockers.setArray(2, seqArray(connection, claimed.stream().map(Row::seq).toList()));
            try (ResultSet rs = blockers.executeQuery()) {
                while (rs.next()) {
                    oldestElsewhere.put(rs.getString(1) + '\u0000' + rs.getString(2), rs.getLong(3));
                }
            }
        }
        if (oldestElsewhere.isEmpty()) {
            return claimed;
        }
        return claimed.stream()
                .filter(row -> {
                    Long blocker = oldestElsewhere.get(row.topic() + '\u0000' + row.key());
                    return blocker == null || blocker > row.seq();
                })
                .toList();
    }

    private void markPublished(Connection connection, List<Long> seqs) throws SQLException {
        if (seqs.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE outbox_event SET published_at = now(), attempts = attempts + 1 WHERE seq = ANY (?)")) {
            update.setArray(1, seqArray(connection, seqs));
            update.executeUpdate();
        }
    }

    private void markAttempted(Connection connection, List<Row> sent, List<Long> done) throws SQLException {
        List<Long> failed = sent.stream().map(Row::seq).filter(seq -> !done.contains(seq)).toList();
        if (failed.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE outbox_event SET attempts = attempts + 1 WHERE seq = ANY (?)")) {
            update.setArray(1, seqArray(connection, failed));
            update.executeUpdate();
        }
    }

    private static Array seqArray(Connection connection, List<Long> seqs) throws SQLException {
        return connection.createArrayOf("bigint", seqs.toArray());
    }

    private ProducerRecord<String, byte[]> toRecord(Row row) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE.getBytes(UTF_8));
        headers.add(CloudEventHeaders.ID, row.eventId().getBytes(UTF_8));
        headers.add(CloudEventHeaders.SOURCE, ("/" + serviceName).getBytes(UTF_8));
        headers.add(CloudEventHeaders.TYPE, row.type().getBytes(UTF_8));
        headers.add(CloudEventHeaders.SUBJECT, row.key().getBytes(UTF_8));
        headers.add(CloudEventHeaders.TIME,
                DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(row.occurredAt().withOffsetSameInstant(ZoneOffset.UTC))
                        .getBytes(UTF_8));
        headers.add(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON.getBytes(UTF_8));
        if (row.requestId() != null) {
            headers.add(CloudEventHeaders.REQUEST_ID, row.requestId().getBytes(UTF_8));
        }
        return new ProducerRecord<>(row.topic(), null, row.key(), row.payload().getBytes(UTF_8), headers);
    }

    /** Deletes published rows older than the retention, in chunks, so the table stays small. */
    @Scheduled(every = "${suite.outbox.cleanup-every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deleteOldPublished() {
        OffsetDateTime cutoff = OffsetDateTime.now(ZoneOffset.UTC).minus(config.retention());
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> {
                try (Connection connection = dataSource.getConnection();
                        PreparedStatement delete = connection.prepareStatement("""
                                DELETE FROM outbox_event WHERE seq IN (
                                  SELECT seq FROM outbox_event
                                  WHERE published_at IS NOT NULL AND published_at < ?
                                  LIMIT 5000)""")) {
                    delete.setObject(1, cutoff);
                    return delete.executeUpdate();
                }
            });
        } while (deleted == 5000);
    }

    private static String describe(Throwable e) {
        StringBuilder out = new StringBuilder(e.getClass().getSimpleName());
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            out.append(" <- ").append(cause.getClass().getSimpleName());
        }
        return out.toString();
    }

    private record Row(long seq, String eventId, String topic, String key, String type, String payload,
            String requestId, OffsetDateTime occurredAt) {
    }

    /** The broker did not acknowledge part of a batch; the rows stay pending and are retried. */
    static class PublishFailedException extends RuntimeException {
        PublishFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
