package mx.gob.sre.consular.queue;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import mx.gob.sre.consular.queue.TicketApi.SurveyAnswers;
import mx.gob.sre.platform.problem.ApiException;
import mx.gob.sre.platform.security.Caller;
import mx.gob.sre.platform.security.Roles;

/** The customer-service survey: one per completed ticket, by its citizen or at the office's kiosk. */
@ApplicationScoped
public class SurveyService {

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Transactional
    public void submit(UUID ticketId, SurveyAnswers answers) {
        Ticket ticket = em.find(Ticket.class, ticketId, LockModeType.PESSIMISTIC_WRITE);
        boolean staff = ticket != null && caller.hasAnyRole(Roles.CONSULAR_OFFICER, Roles.CONSULATE_SUPERVISOR)
                && caller.worksAt(ticket.consulateCode);
        boolean own = ticket != null && ticket.curp != null && caller.isCitizen(ticket.curp);
        if (!staff && !own) {
            throw ApiException.notFound("Ticket");
        }
        if (ticket.status != TicketStatus.COMPLETED) {
            throw ApiException.conflict("Only a completed visit can be rated").with("status", ticket.status.name());
        }
        int inserted = em.createNativeQuery("""
                INSERT INTO survey (ticket_id, punctuality, duration, courtesy, competence, overall, submitted_at)
                VALUES (:ticket, :punctuality, :duration, :courtesy, :competence, :overall, now())
                ON CONFLICT (ticket_id) DO NOTHING""")
                .setParameter("ticket", ticketId)
                .setParameter("punctuality", answers.punctuality()).setParameter("duration", answers.duration())
                .setParameter("courtesy", answers.courtesy()).setParameter("competence", answers.competence())
                .setParameter("overall", answers.overall())
                .executeUpdate();
        if (inserted == 0) {
            throw ApiException.conflict("This visit has already been rated");
        }
    }
}
