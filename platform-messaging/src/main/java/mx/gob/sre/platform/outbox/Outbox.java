package mx.gob.sre.platform.outbox;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import mx.gob.sre.platform.web.RequestIds;

/**
 * The only way business code publishes an event. The row is written in the caller's transaction, so
 * the event exists if and only if the change that caused it was committed; the relay sends it to Kafka
 * right after the commit.
 */
@ApplicationScoped
public class Outbox {

    private static final String WAKE_KEY = Outbox.class.getName() + ".wake";

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    OutboxRelay relay;

    /**
     * Records an event in the current transaction.
     *
     * @param topic   the Kafka topic, {@code <service>.<stream>}
     * @param key     the aggregate id; events of one aggregate keep their order
     * @param type    the versioned CloudEvents type, e.g. {@code consular.citizen.registered.v1}
     * @param payload a record serialized as the event's JSON data
     * @return the CloudEvents id of the new event
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(String topic, String key, String type, Object payload) {
        UUID id = UUID.randomUUID();
        entityManager.createNativeQuery("""
                INSERT INTO outbox_event (event_id, topic, aggregate_key, event_type, payload, request_id, occurred_at)
                VALUES (:id, :topic, :key, :type, :payload, :requestId, :occurredAt)""")
                .setParameter("id", id)
                .setParameter("topic", topic)
                .setParameter("key", key)
                .setParameter("type", type)
                .setParameter("payload", toJson(payload))
                .setParameter("requestId", RequestIds.current())
                .setParameter("occurredAt", OffsetDateTime.now(ZoneOffset.UTC))
                .executeUpdate();
        wakeRelayAfterCommit();
        return id;
    }

    private void wakeRelayAfterCommit() {
        if (transactions.getResource(WAKE_KEY) != null) {
            return;
        }
        transactions.putResource(WAKE_KEY, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wakeUp();
                }
            }
        });
    }

    private String toJson(Object payload) {
        try {
            return objectMapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event payload cannot be serialized: " + payload.getClass().getName(), e);
        }
    }
}
