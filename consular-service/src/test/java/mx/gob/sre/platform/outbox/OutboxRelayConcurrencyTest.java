package mx.gob.sre.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import mx.gob.sre.testsupport.SuiteInfrastructure;
import mx.gob.sre.testsupport.TestKafka;

/**
 * Several relays draining one outbox at once, as several replicas would: every event goes out once,
 * and the events of each aggregate reach Kafka in the order they were written.
 */
@QuarkusTest
@WithTestResource(value = SuiteInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "consular"))
class OutboxRelayConcurrencyTest {

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    record Numbered(int n) {
    }

    @Test
    void shouldSendEachEventOnceAndInOrderPerAggregateWithConcurrentRelays() throws Exception {
        String topic = "test.outbox-" + UUID.randomUUID();
        int aggregates = 20;
        int perAggregate = 30;
        for (int n = 0; n < perAggregate; n++) {
            int sequence = n;
            QuarkusTransaction.requiringNew().run(() -> {
                for (int a = 0; a < aggregates; a++) {
                    outbox.publish(topic, "aggregate-" + a, "test.numbered.v1", new Numbered(sequence));
                }
            });
        }

        ExecutorService replicas = Executors.newFixedThreadPool(3);
        try {
            List<Callable<Integer>> drains = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                drains.add(() -> {
                    int sent = 0;
                    for (int round = 0; round < 200; round++) {
                        sent += relay.drainOnce();
                    }
                    return sent;
                });
            }
            for (Future<Integer> drained : replicas.invokeAll(drains)) {
                drained.get();
            }
        } finally {
            replicas.shutdownNow();
        }

        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (records.size() < aggregates * perAggregate && System.nanoTime() < deadline) {
            records = TestKafka.readAll(topic, Duration.ofSeconds(3));
        }
        assertThat(records).hasSize(aggregates * perAggregate);
        assertThat(records.stream().map(r -> TestKafka.header(r, "ce_id")).distinct()).hasSize(records.size());

        Map<String, List<Integer>> seen = new HashMap<>();
        records.stream()
                .sorted((x, y) -> x.partition() != y.partition() ? Integer.compare(x.partition(), y.partition())
                        : Long.compare(x.offset(), y.offset()))
                .forEach(r -> seen.computeIfAbsent(r.key(), k -> new ArrayList<>())
                        .add(Integer.parseInt(r.value().replaceAll("\\D", ""))));
        assertThat(seen).hasSize(aggregates);
        seen.forEach((key, numbers) -> assertThat(numbers).as(key).isSorted().hasSize(perAggregate));
    }
}
