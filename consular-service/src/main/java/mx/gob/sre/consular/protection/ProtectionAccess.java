package mx.gob.sre.consular.protection;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import mx.gob.sre.platform.problem.ApiException;
import mx.gob.sre.platform.security.Caller;
import mx.gob.sre.platform.security.Roles;
import mx.gob.sre.platform.web.RequestIds;

/**
 * Need-to-know access to protection cases, and the audit trail of every access. Protection officers
 * and the supervisor of the case's consulate work on it. A supervisor of another consulate may break
 * the glass by stating a reason in {@code X-Break-Glass-Reason}; that access is recorded as such.
 * Everyone else gets 404, and the refused attempt is recorded too. The reason for routine access may be
 * given in {@code X-Access-Reason}.
 */
@ApplicationScoped
public class ProtectionAccess {

    public static final String REASON_HEADER = "X-Access-Reason";
    public static final String BREAK_GLASS_HEADER = "X-Break-Glass-Reason";

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    CurrentVertxRequest request;

    /** The case if the caller may act on it, locked for writing when asked; 404 otherwise. Audited. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ProtectionCase open(UUID id, String action, boolean forUpdate) {
        ProtectionCase found = em.find(ProtectionCase.class, id,
                forUpdate ? LockModeType.PESSIMISTIC_WRITE : LockModeType.NONE);
        if (found == null) {
            throw ApiException.notFound("Protection case");
        }
        if (worksOn(found.consulateCode)) {
            audit(found.id, action, reason(), false);
            return found;
        }
        String breakGlass = header(BREAK_GLASS_HEADER);
        if (caller.hasRole(Roles.CONSULATE_SUPERVISOR) && breakGlass != null) {
            audit(found.id, action, breakGlass, true);
            return found;
        }
        // The refusal is recorded in its own transaction: the caller's is rolled back by the 404.
        String deniedAction = "DENIED:" + action;
        QuarkusTransaction.requiringNew().run(() ->
                audit(found.id, deniedAction, "caller outside the case's need-to-know", false));
        throw ApiException.notFound("Protection case");
    }

    /** Protection staff of this consulate. */
    public boolean worksOn(String consulate) {
        return caller.hasAnyRole(Roles.PROTECTION_OFFICER, Roles.CONSULATE_SUPERVISOR) && caller.worksAt(consulate);
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public void audit(UUID caseId, String action, String reason, boolean breakGlass) {
        em.createNativeQuery("""
                INSERT INTO protection_audit (case_id, actor, action, reason, break_glass, request_id)
                VALUES (:case, :actor, :action, :reason, :breakGlass, :requestId)""")
                .setParameter("case", caseId)
                .setParameter("actor", caller.auditId())
                .setParameter("action", action)
                .setParameter("reason", reason)
                .setParameter("breakGlass", breakGlass)
                .setParameter("requestId", RequestIds.current())
                .executeUpdate();
    }

    /** The stated reason, or the default for routine case work. */
    public String reason() {
        String stated = header(REASON_HEADER);
        return stated == null ? "case work" : stated;
    }

    private String header(String name) {
        if (request.getCurrent() == null) {
            return null;
        }
        String value = request.getCurrent().request().getHeader(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        String clean = value.replaceAll("\\p{Cntrl}", " ").strip();
        return clean.length() > 500 ? clean.substring(0, 500) : clean;
    }
}
