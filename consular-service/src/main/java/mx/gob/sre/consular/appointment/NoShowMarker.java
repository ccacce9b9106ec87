package mx.gob.sre.consular.appointment;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import mx.gob.sre.consular.timeline.Timeline;
import mx.gob.sre.platform.outbox.Outbox;

/**
 * Marks appointments nobody checked in for as NO_SHOW once their slot has ended (plus a grace period).
 * Rows are claimed with SKIP LOCKED, so several replicas can run it.
 */
@ApplicationScoped
public class NoShowMarker {

    private static final Logger LOG = Logger.getLogger(NoShowMarker.class);

    @Inject
    EntityManager em;

    @Inject
    AppointmentRules rules;

    @Inject
    Outbox outbox;

    @Inject
    Timeline timeline;

    @Scheduled(every = "${consular.appointments.no-show-check-every:60s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void everyMinute() {
        markNoShows();
    }

    /** Marks one batch; returns how many became no-shows. */
    @Transactional
    public int markNoShows() {
        @SuppressWarnings("unchecked")
        List<Appointment> due = em.createNativeQuery("""
                SELECT * FROM appointment
                WHERE status = 'BOOKED' AND ends_at < :cutoff
                ORDER BY ends_at LIMIT 500
                FOR UPDATE SKIP LOCKED""", Appointment.class)
                .setParameter("cutoff", Instant.now().minus(rules.noShowGrace()).atOffset(java.time.ZoneOffset.UTC))
                .getResultList();
        for (Appointment appointment : due) {
            appointment.moveTo(AppointmentStatus.NO_SHOW);
            AppointmentEvents.publish(outbox, timeline, appointment, AppointmentEvents.NO_SHOW_V1);
        }
        if (!due.isEmpty()) {
            LOG.infof("Marked %d appointments as no-shows", due.size());
        }
        return due.size();
    }
}
