package mx.gob.sre.platform.inbox;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import mx.gob.sre.platform.events.CloudEventHeaders;
import mx.gob.sre.platform.events.IncomingEvent;
import mx.gob.sre.platform.events.PoisonMessageException;
import mx.gob.sre.platform.events.Shutdown;
import mx.gob.sre.platform.persistence.ExceptionChains;
import mx.gob.sre.platform.web.RequestIds;

/**
 * The idempotent consumer. A service's {@code @Incoming @Blocking} method hands each record here; the
 * record is checked as a CloudEvent, its ce_id is recorded in the inbox and the effect runs, all in one
 * transaction. A redelivered event finds its id already recorded and has no second effect.
 *
 * <p>Transient failures (database restarting, lock timeouts) are retried with backoff, each attempt in a
 * new transaction. A {@link PoisonMessageException} is not retried: it propagates, the message is
 * nacked, and the channel's dead-letter strategy sends it to {@code <topic>.dlq} with the reason.
 */
@ApplicationScoped
public class EventInbox {

    private static final Logger LOG = Logger.getLogger(EventInbox.class);

    @Inject
    EntityManager entityManager;

    @Inject
    MeterRegistry registry;

    @Inject
    Shutdown shutdown;

    private final ObjectMapper reader;

    @Inject
    public EventInbox(ObjectMapper objectMapper) {
        // Consumers tolerate fields added by newer producers of the same event version.
        this.reader = objectMapper.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /**
     * Applies {@code effect} to the event in {@code record} once, whatever the number of deliveries.
     *
     * @param consumer a stable name for this consumer, e.g. {@code voter.citizens}
     * @return true if the effect ran, false if the event had been processed before
     */
    @Retry(maxRetries = 10, delay = 200, jitter = 100,
            abortOn = { PoisonMessageException.class, Shutdown.Interrupted.class })
    @ExponentialBackoff(maxDelay = 10_000)
    public <T> boolean consume(String consumer, ConsumerRecord<String, String> record, Class<T> payloadType,
            Consumer<IncomingEvent<T>> effect) {
        return process(consumer, record, payloadType, effect);
    }

    private <T> boolean process(String consumer, ConsumerRecord<String, String> record, Class<T> payloadType,
            Consumer<IncomingEvent<T>> effect) {
        IncomingEvent<T> event = parse(record, payloadType);
        String requestId = header(record, CloudEventHeaders.REQUEST_ID);
        MDC.put(RequestIds.MDC_KEY, requestId == null ? "event:" + event.id() : RequestIds.accept(requestId));
        try {
            boolean applied = QuarkusTransaction.requiringNew().call(() -> {
                if (!firstDelivery(consumer, event)) {
                    return false;
                }
                effect.accept(event);
                return true;
            });
            registry.counter("inbox.events", "consumer", consumer, "outcome", applied ? "applied" : "duplicate")
                    .increment();
            return applied;
        } catch (io.quarkus.narayana.jta.QuarkusTransactionException e) {
            if (e.getCause() instanceof PoisonMessageException poison) {
                throw poison;
            }
            throw failed(consumer, event, e);
        } catch (PoisonMessageException e) {
            throw e;
        } catch (RuntimeException e) {
            throw failed(consumer, event, e);
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
        }
    }

    /**
     * Says why an attempt failed (class names and SQL states, no message that may quote data) and what
     * to throw: the failure, to be retried, or, once the service is stopping, {@link Shutdown.Interrupted},
     * which is not.
     */
    RuntimeException failed(String consumer, IncomingEvent<?> event, RuntimeException e) {
        if (shutdown.begun()) {
            LOG.infof("Event %s for %s interrupted by the shutdown; it will be delivered again", event.id(),
                    consumer);
            return new Shutdown.Interrupted(e);
        }
        registry.counter("inbox.attempts.failed", "consumer", consumer).increment();
        LOG.warnf("Event %s for %s failed (retried with backoff, then dead-lettered): %s", event.id(), consumer,
                ExceptionChains.describeWithoutMessages(e));
        return e;
    }

    /**
     * Applies the handler registered for the record's ce_type, once. Types without a handler are recorded
     * in the inbox and otherwise ignored, so producers can add event types without breaking consumers.
     */
    @Retry(maxRetries = 10, delay = 200, jitter = 100,
            abortOn = { PoisonMessageException.class, Shutdown.Interrupted.class })
    @ExponentialBackoff(maxDelay = 10_000)
    public boolean consume(String consumer, ConsumerRecord<String, String> record, Handlers handlers) {
        String type = header(record, CloudEventHeaders.TYPE);
        Handlers.Handler<?> handler = type == null ? null : handlers.byType.get(type);
        if (handler == null) {
            return process(consumer, record, com.fasterxml.jackson.databind.JsonNode.class, ignored -> { });
        }
        return apply(consumer, record, handler);
    }

    private <T> boolean apply(String consumer, ConsumerRecord<String, String> record, Handlers.Handler<T> handler) {
        return process(consumer, record, handler.type(), handler.effect());
    }

    /** Effects by CloudEvents type, for channels that carry several event types. */
    public static final class Handlers {

        record Handler<T>(Class<T> type, Consumer<IncomingEvent<T>> effect) {
        }

        private final java.util.Map<String, Handler<?>> byType = new java.util.HashMap<>();

        public <T> Handlers on(String ceType, Class<T> payloadType, Consumer<IncomingEvent<T>> effect) {
            byType.put(ceType, new Handler<>(payloadType, effect));
            return this;
        }
    }

    private boolean firstDelivery(String consumer, IncomingEvent<?> event) {
        return entityManager.createNativeQuery("""
                INSERT INTO inbox_message (consumer, event_id, event_type, topic, received_at)
                VALUES (:consumer, :id, :type, :topic, now())
                ON CONFLICT (consumer, event_id) DO NOTHING""")
                .setParameter("consumer", consumer)
                .setParameter("id", event.id())
                .setParameter("type", event.type())
                .setParameter("topic", event.topic())
                .executeUpdate() == 1;
    }

    /** Reads the CloudEvents binary-mode headers and the JSON data, or refuses the record as poison. */
    public <T> IncomingEvent<T> parse(ConsumerRecord<String, String> record, Class<T> payloadType) {
        String specVersion = header(record, CloudEventHeaders.SPEC_VERSION);
        String id = header(record, CloudEventHeaders.ID);
        String type = header(record, CloudEventHeaders.TYPE);
        String source = header(record, CloudEventHeaders.SOURCE);
        if (!CloudEventHeaders.SPEC_VERSION_VALUE.equals(specVersion) || isBlank(id) || isBlank(type)
                || isBlank(source)) {
            throw new PoisonMessageException("not a CloudEvents 1.0 binary-mode record (ce_specversion, ce_id, "
                    + "ce_type and ce_source are required)");
        }
        if (id.length() > 200) {
            throw new PoisonMessageException("ce_id is longer than 200 characters");
        }
        OffsetDateTime time = null;
        String rawTime = header(record, CloudEventHeaders.TIME);
        if (rawTime != null) {
            try {
                time = OffsetDateTime.parse(rawTime);
            } catch (DateTimeParseException e) {
                throw new PoisonMessageException("ce_time is not an RFC 3339 timestamp");
            }
        }
        if (record.value() == null) {
            throw new PoisonMessageException("the event has no data");
        }
        T data;
        try {
            data = reader.readValue(record.value(), payloadType);
        } catch (JsonProcessingException e) {
            throw new PoisonMessageException("data is not a valid " + payloadType.getSimpleName() + " document");
        }
        if (data == null) {
            throw new PoisonMessageException("the event has no data");
        }
        return new IncomingEvent<>(id, type, source, header(record, CloudEventHeaders.SUBJECT), time,
                record.topic(), record.key(), data);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), UTF_8);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
