package mx.gob.sre.platform.inbox;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Metadata;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import io.vertx.core.Context;
import io.vertx.mutiny.core.Vertx;
import mx.gob.sre.platform.events.Shutdown;

/**
 * The connector's own dead-letter strategy, with its Kafka producer made when the channel first
 * dead-letters a record instead of when the channel starts.
 *
 * <p>SmallRye's {@code dead-letter-queue} strategy builds one producer per incoming channel at start-up,
 * on the main thread: about 50 ms of start-up and a sender thread each, for a path that a healthy service never
 * takes (bench/README.md, start-up). This strategy hands every failure to exactly that handler, built on
 * the first failure with the channel's configuration ({@code dead-letter-queue.topic} and the rest), so
 * what reaches {@code <topic>.dlq} and its headers are unchanged. Channels select it with
 * {@code failure-strategy=lazy-dead-letter-queue} (the default of platform-messaging).
 */
@ApplicationScoped
@Identifier(LazyDeadLetterQueue.STRATEGY)
public class LazyDeadLetterQueue implements KafkaFailureHandler.Factory {

    public static final String STRATEGY = "lazy-dead-letter-queue";

    private final KafkaFailureHandler.Factory deadLetterQueue;
    private final BooleanSupplier stopping;

    @Inject
    public LazyDeadLetterQueue(@Any Instance<KafkaFailureHandler.Factory> factories, Shutdown shutdown) {
        this(factories.select(Identifier.Literal.of(KafkaFailureHandler.Strategy.DEAD_LETTER_QUEUE)).get(),
                shutdown::begun);
    }

    LazyDeadLetterQueue(KafkaFailureHandler.Factory deadLetterQueue, BooleanSupplier stopping) {
        this.deadLetterQueue = deadLetterQueue;
        this.stopping = stopping;
    }

    @Override
    public KafkaFailureHandler create(KafkaConnectorIncomingConfiguration config, Vertx vertx,
            KafkaConsumer<?, ?> consumer, BiConsumer<Throwable, Boolean> reportFailure) {
        return new Handler(() -> deadLetterQueue.create(config, vertx, consumer, reportFailure),
                Infrastructure.getDefaultWorkerPool(), stopping);
    }

    /**
     * Builds the real handler once, on the first failure, on {@code builder}: making the producer blocks,
     * and failures are reported on the channel's event loop. Terminates the real handler only if built.
     * Dead-letters nothing once the channel or the service is stopping (platform {@link Shutdown}): a
     * failure then is the shutdown's, and the record, left uncommitted, is delivered again after the restart.
     */
    static final class Handler implements KafkaFailureHandler {

        private final AtomicReference<KafkaFailureHandler> built = new AtomicReference<>();
        private final Uni<KafkaFailureHandler> delegate;
        private final AtomicBoolean closed = new AtomicBoolean();
        private final BooleanSupplier stopping;
        private volatile boolean terminated;

        Handler(Supplier<KafkaFailureHandler> factory, Executor builder, BooleanSupplier stopping) {
            this.stopping = stopping;
            this.delegate = Uni.createFrom().item(() -> {
                KafkaFailureHandler handler = factory.get();
                built.set(handler);
                if (terminated) {
                    close(handler);
                }
                return handler;
            }).runSubscriptionOn(builder).memoize().indefinitely();
        }

        @Override
        public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
            if (terminated || stopping.getAsBoolean()) {
                return Uni.createFrom().failure(new IllegalStateException("the channel is stopping", reason));
            }
            KafkaFailureHandler ready = built.get();
            if (ready != null) {
                return ready.handle(record, reason, metadata);
            }
            Uni<KafkaFailureHandler> handler = delegate;
            Context context = io.vertx.core.Vertx.currentContext();
            if (context != null) {
                handler = handler.emitOn(task -> context.runOnContext(ignored -> task.run()));
            }
            return handler.chain(real -> real.handle(record, reason, metadata));
        }

        @Override
        public void terminate() {
            terminated = true;
            KafkaFailureHandler handler = built.get();
            if (handler != null) {
                close(handler);
            }
        }

        private void close(KafkaFailureHandler handler) {
            if (closed.compareAndSet(false, true)) {
                handler.terminate();
            }
        }
    }
}
