package mx.gob.sre.consular.queue;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import mx.gob.sre.consular.queue.TicketApi.CaseView;
import mx.gob.sre.consular.timeline.Timeline;
import mx.gob.sre.platform.problem.ApiException;
import mx.gob.sre.platform.security.Caller;
import mx.gob.sre.platform.security.Roles;

/** Procedures after the counter: asking for missing information and resolving, against the clock. */
@ApplicationScoped
public class CaseService {

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    Timeline timeline;

    @Transactional(Transactional.TxType.SUPPORTS)
    public CaseView get(UUID id) {
        ProcedureCase found = em.find(ProcedureCase.class, id);
        if (found == null || !(isStaffOf(found.consulateCode) || (found.curp != null && caller.isCitizen(found.curp)))) {
            throw ApiException.notFound("Procedure");
        }
        return CaseView.of(found);
    }

    @Transactional
    public CaseView requestInformation(UUID id, String missingInformation) {
        ProcedureCase procedureCase = staffCase(id);
        procedureCase.moveTo(ProcedureCase.Status.WAITING_INFO);
        procedureCase.infoRequestedAt = Instant.now();
        procedureCase.missingInformation = missingInformation;
        return CaseView.of(procedureCase);
    }

    @Transactional
    public CaseView resolve(UUID id) {
        ProcedureCase procedureCase = staffCase(id);
        procedureCase.moveTo(ProcedureCase.Status.RESOLVED);
        procedureCase.resolvedAt = Instant.now();
        timeline.record(procedureCase.curp, procedureCase.resolvedAt, Timeline.Source.CONSULAR, "procedure.resolved",
                "Procedure " + procedureCase.procedureCode + " at " + procedureCase.consulateCode,
                procedureCase.id.toString(), procedureCase.status.name(), null);
        return CaseView.of(procedureCase);
    }

    private ProcedureCase staffCase(UUID id) {
        ProcedureCase found = em.find(ProcedureCase.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (found == null || !isStaffOf(found.consulateCode)) {
            throw ApiException.notFound("Procedure");
        }
        return found;
    }

    private boolean isStaffOf(String consulate) {
        return caller.hasAnyRole(Roles.CONSULAR_OFFICER, Roles.CONSULATE_SUPERVISOR) && caller.worksAt(consulate);
    }
}
