package mx.gob.sre.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;

/** The dead-letter producer is made on the first failure only; the channel's tests cover the topic itself. */
class LazyDeadLetterQueueTest {

    private final AtomicInteger built = new AtomicInteger();
    private final List<String> calls = new ArrayList<>();

    private final AtomicBoolean stopping = new AtomicBoolean();

    private final LazyDeadLetterQueue strategy = new LazyDeadLetterQueue((config, vertx, consumer, report) -> {
        built.incrementAndGet();
        return new KafkaFailureHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
                calls.add("handle:" + reason.getMessage());
                return Uni.createFrom().voidItem();
            }

            @Override
            public void terminate() {
                calls.add("terminate");
            }
        };
    }, stopping::get);

    @Test
    void shouldBuildNoProducerUntilTheFirstFailure() {
        KafkaFailureHandler handler = strategy.create(null, null, null, null);

        assertThat(built).hasValue(0);
        handler.handle(null, new IllegalStateException("poison 1"), Metadata.empty()).await().indefinitely();
        handler.handle(null, new IllegalStateException("poison 2"), Metadata.empty()).await().indefinitely();

        assertThat(built).hasValue(1);
        assertThat(calls).containsExactly("handle:poison 1", "handle:poison 2");
    }

    @Test
    void shouldTerminateOnlyWhatWasBuilt() {
        KafkaFailureHandler unused = strategy.create(null, null, null, null);
        KafkaFailureHandler used = strategy.create(null, null, null, null);
        used.handle(null, new IllegalStateException("poison"), Metadata.empty()).await().indefinitely();

        unused.terminate();
        used.terminate();

        assertThat(built).hasValue(1);
        assertThat(calls).containsExactly("handle:poison", "terminate");
    }

    @Test
    void shouldBuildTheProducerOffTheCallingThreadBecauseMakingItBlocks() throws Exception {
        ExecutorService builder = Executors.newSingleThreadExecutor(task -> new Thread(task, "dlq-builder"));
        try {
            List<String> threads = new CopyOnWriteArrayList<>();
            KafkaFailureHandler handler = new LazyDeadLetterQueue.Handler(() -> {
                threads.add(Thread.currentThread().getName());
                return strategy.create(null, null, null, null);
            }, builder, stopping::get);

            handler.handle(null, new IllegalStateException("poison"), Metadata.empty()).await().indefinitely();

            assertThat(threads).containsExactly("dlq-builder");
            assertThat(calls).containsExactly("handle:poison");
        } finally {
            builder.shutdownNow();
        }
    }

    @Test
    void shouldDeadLetterNothingOnceTheServiceIsStopping() {
        KafkaFailureHandler handler = strategy.create(null, null, null, null);
        stopping.set(true);

        assertThatThrownBy(() -> handler.handle(null, new IllegalStateException("EntityManagerFactory is closed"),
                Metadata.empty()).await().indefinitely()).hasMessageContaining("stopping");
        assertThat(built).hasValue(0);
        assertThat(calls).isEmpty();
    }

    @Test
    void shouldRefuseFailuresAfterTheChannelStops() {
        KafkaFailureHandler handler = strategy.create(null, null, null, null);
        handler.terminate();

        assertThatThrownBy(() -> handler.handle(null, new IllegalStateException("late"), Metadata.empty())
                .await().indefinitely()).hasMessageContaining("stopping");
        assertThat(built).hasValue(0);
    }
}
