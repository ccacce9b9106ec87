package mx.gob.sre.voter.application;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.scheduler.Scheduled;
import mx.gob.sre.platform.outbox.Outbox;
import mx.gob.sre.voter.application.ApplicationEvents.ActivationReminderV1;

/**
 * The clock-driven steps: remediation deadlines that passed become REJECTED, cards held past their 30
 * days are RETURNED, and delivered cards not yet activated get reminders at the configured intervals
 * (only about 10% were activated in 2016; this is the step that matters). Rows are claimed with SKIP
 * LOCKED, so replicas can all run the sweeps.
 */
@ApplicationScoped
public class ApplicationSweeps {

    @Inject
    EntityManager em;

    @Inject
    ApplicationService applications;

    @Inject
    ApplicationRules rules;

    @Inject
    Outbox outbox;

    @Scheduled(every = "${voter.applications.sweep-every:60s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        rejectLateRemediations();
        returnHeldCards();
        remindToActivate();
    }

    @Transactional
    public int rejectLateRemediations() {
        List<Application> late = claim("status = 'NEEDS_REMEDIATION' AND remediation_deadline < :today");
        late.forEach(a -> applications.transition(a, ApplicationStatus.REJECTED,
                "remediation deadline " + a.remediationDeadline + " passed"));
        return late.size();
    }

    @Transactional
    public int returnHeldCards() {
        List<Application> held = claim("status = 'HELD' AND held_until < :today");
        held.forEach(a -> applications.transition(a, ApplicationStatus.RETURNED, "held 30 days; returned to Mexico"));
        return held.size();
    }

    @Transactional
    public int remindToActivate() {
        int sent = 0;
        List<Duration> schedule = rules.activationReminders();
        for (int i = 0; i < schedule.size(); i++) {
            int number = i + 1;
            @SuppressWarnings("unchecked")
            List<Application> due = em.createNativeQuery("""
                    SELECT a.* FROM application a
                    WHERE a.status = 'DELIVERED' AND a.delivered_at <= :cutoff
                      AND NOT EXISTS (SELECT 1 FROM activation_reminder r
                                      WHERE r.application_id = a.id AND r.number = :number)
                    ORDER BY a.delivered_at LIMIT 500 FOR UPDATE SKIP LOCKED""", Application.class)
                    .setParameter("cutoff", Instant.now().minus(schedule.get(i)).atOffset(ZoneOffset.UTC))
                    .setParameter("number", number)
                    .getResultList();
            for (Application a : due) {
                em.createNativeQuery("INSERT INTO activation_reminder (application_id, number, sent_at) "
                        + "VALUES (:id, :number, now())").setParameter("id", a.id).setParameter("number", number)
                        .executeUpdate();
                outbox.publish(ApplicationEvents.TOPIC, a.id.toString(), ApplicationEvents.ACTIVATION_REMINDER_V1,
                        new ActivationReminderV1(a.id, a.folio, a.curp, number, a.deliveredAt, Instant.now()));
                sent++;
            }
        }
        return sent;
    }

    @SuppressWarnings("unchecked")
    private List<Application> claim(String condition) {
        return em.createNativeQuery("SELECT * FROM application WHERE " + condition
                        + " ORDER BY updated_at LIMIT 500 FOR UPDATE SKIP LOCKED", Application.class)
                .setParameter("today", LocalDate.now(ApplicationService.MEXICO_CITY))
                .getResultList();
    }
}
