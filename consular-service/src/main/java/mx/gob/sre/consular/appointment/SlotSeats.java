package mx.gob.sre.consular.appointment;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import mx.gob.sre.platform.persistence.SqlValues;

/**
 * Seats of appointment slots. A seat is taken with one conditional upsert under the slot's row lock,
 * so however many requests race for the last seat, exactly as many succeed as there are seats.
 */
@ApplicationScoped
public class SlotSeats {

    @Inject
    EntityManager em;

    /**
     * Takes a seat; false when the slot is full. Must run in the caller's transaction. One statement: the
     * slot's row is created with the first seat taken, or its counter raised while seats remain.
     */
    public boolean take(String consulate, String procedure, Instant start, int capacity) {
        if (capacity <= 0) {
            return false;
        }
        return em.createNativeQuery("""
                INSERT INTO slot (consulate_code, procedure_code, starts_at, capacity, booked)
                VALUES (:consulate, :procedure, :start, :capacity, 1)
                ON CONFLICT (consulate_code, procedure_code, starts_at)
                DO UPDATE SET booked = slot.booked + 1 WHERE slot.booked < slot.capacity""")
                .setParameter("consulate", consulate).setParameter("procedure", procedure)
                .setParameter("start", utc(start)).setParameter("capacity", capacity)
                .executeUpdate() == 1;
    }

    /** Gives a seat back. */
    public void release(String consulate, String procedure, Instant start) {
        em.createNativeQuery("""
                UPDATE slot SET booked = booked - 1
                WHERE consulate_code = :consulate AND procedure_code = :procedure AND starts_at = :start
                  AND booked > 0""")
                .setParameter("consulate", consulate).setParameter("procedure", procedure)
                .setParameter("start", utc(start))
                .executeUpdate();
    }

    /** Seats taken per slot start in [from, to). Slots without a row have none taken. */
    @SuppressWarnings("unchecked")
    public Map<Instant, Integer> taken(String consulate, String procedure, Instant from, Instant to) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT starts_at, booked FROM slot
                WHERE consulate_code = :consulate AND procedure_code = :procedure
                  AND starts_at >= :from AND starts_at < :to""")
                .setParameter("consulate", consulate).setParameter("procedure", procedure)
                .setParameter("from", utc(from)).setParameter("to", utc(to))
                .getResultList();
        Map<Instant, Integer> taken = new HashMap<>();
        for (Object[] row : rows) {
            taken.put(SqlValues.instant(row[0]), ((Number) row[1]).intValue());
        }
        return taken;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
