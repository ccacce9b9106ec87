package mx.gob.sre.consular.timeline;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Writes the citizen timeline, in the transaction of the change it records. A dedupe key (for consumed
 * events, the CloudEvent id) keeps a replayed event from appearing twice.
 */
@ApplicationScoped
public class Timeline {

    /** Where an entry comes from. */
    public enum Source {
        CONSULAR, VOTER, SCHOLARSHIP
    }

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String curp, Instant occurredAt, Source source, String kind, String title, String reference,
            String status, String dedupeKey) {
        if (curp == null) {
            return;
        }
        em.createNativeQuery("""
                INSERT INTO timeline_entry (id, curp, occurred_at, source, kind, title, reference, status, dedupe_key)
                VALUES (:id, :curp, :at, :source, :kind, :title, :reference, :status, :dedupe)
                ON CONFLICT (dedupe_key) DO NOTHING""")
                .setParameter("id", UUID.randomUUID())
                .setParameter("curp", curp)
                .setParameter("at", occurredAt.atOffset(ZoneOffset.UTC))
                .setParameter("source", source.name())
                .setParameter("kind", kind)
                .setParameter("title", title)
                .setParameter("reference", reference)
                .setParameter("status", status)
                .setParameter("dedupe", dedupeKey)
                .executeUpdate();
    }
}
