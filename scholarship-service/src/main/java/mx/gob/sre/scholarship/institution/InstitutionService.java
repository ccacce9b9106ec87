package mx.gob.sre.scholarship.institution;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import mx.gob.sre.platform.persistence.SqlValues;
import mx.gob.sre.platform.problem.ApiException;
import mx.gob.sre.platform.problem.ProblemType;
import mx.gob.sre.platform.security.Caller;
import mx.gob.sre.platform.security.Roles;
import mx.gob.sre.scholarship.institution.InstitutionApi.Contact;
import mx.gob.sre.scholarship.institution.InstitutionApi.InstitutionView;
import mx.gob.sre.scholarship.institution.InstitutionApi.Register;
import mx.gob.sre.scholarship.institution.InstitutionApi.Status;
import mx.gob.sre.scholarship.institution.InstitutionApi.Type;

/**
 * Institutions that apply for IME-Becas: registered by a partner client (or IME), verified by the
 * consulate of their jurisdiction before they can apply. A partner client sees and acts only for the
 * institutions it registered.
 */
@ApplicationScoped
public class InstitutionService {

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Transactional
    public InstitutionView register(Register request) {
        if (!(caller.hasRole(Roles.INSTITUTION) || caller.isAdmin())) {
            throw new ApiException(ProblemType.FORBIDDEN, "Institutions register through their partner client");
        }
        UUID id = UUID.randomUUID();
        int inserted = em.createNativeQuery("""
                INSERT INTO institution (id, legal_name, tax_id, type, consulate_code, owner_client, status, created_at)
                VALUES (:id, :name, :tax, :type, :consulate, :owner, 'PENDING_VERIFICATION', :at)
                ON CONFLICT (tax_id, consulate_code) DO NOTHING""")
                .setParameter("id", id).setParameter("name", request.legalName().strip())
                .setParameter("tax", request.taxId()).setParameter("type", request.type().name())
                .setParameter("consulate", request.consulate())
                .setParameter("owner", caller.clientId().orElse(null))
                .setParameter("at", OffsetDateTime.now(ZoneOffset.UTC))
                .executeUpdate();
        if (inserted == 0) {
            throw ApiException.conflict("An institution with this tax id is registered with this consulate");
        }
        for (Contact contact : request.contacts()) {
            em.createNativeQuery("""
                    INSERT INTO institution_contact (id, institution_id, name, role, email, phone, curp)
                    VALUES (:id, :institution, :name, :role, :email, :phone, :curp)""")
                    .setParameter("id", UUID.randomUUID()).setParameter("institution", id)
                    .setParameter("name", contact.name().strip()).setParameter("role", contact.role())
                    .setParameter("email", contact.email()).setParameter("phone", contact.phone())
                    .setParameter("curp", contact.curp() == null ? null : contact.curp().toUpperCase())
                    .executeUpdate();
        }
        return get(id);
    }

    /** The consulate of the institution's jurisdiction verifies it before it can apply. */
    @Transactional
    public InstitutionView verify(UUID id, InstitutionApi.Verification verification) {
        Object[] row = row(id);
        String consulate = (String) row[4];
        if (!(caller.hasAnyRole(Roles.CONSULAR_OFFICER, Roles.CONSULATE_SUPERVISOR) && caller.worksAt(consulate))) {
            throw ApiException.notFound("Institution");
        }
        if (verification.decision() == Status.PENDING_VERIFICATION) {
            throw ApiException.invalid("decision", "must be VERIFIED or REJECTED");
        }
        em.createNativeQuery("UPDATE institution SET status = :status, verified_at = now(), verified_by = :by, "
                        + "verification_note = :note WHERE id = :id")
                .setParameter("status", verification.decision().name()).setParameter("by", caller.auditId())
                .setParameter("note", verification.note()).setParameter("id", id).executeUpdate();
        return get(id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public InstitutionView get(UUID id) {
        Object[] row = row(id);
        if (!mayRead(row)) {
            throw ApiException.notFound("Institution");
        }
        return view(row);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<InstitutionView> list(String consulate) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(select() + " WHERE (CAST(:c AS VARCHAR) IS NULL OR consulate_code = :c) "
                + "ORDER BY legal_name").setParameter("c", consulate).getResultList();
        return rows.stream().filter(this::mayRead).map(this::view).toList();
    }

    /** Whether the caller acts for this institution (its partner client) or is IME. */
    public boolean actsFor(UUID institutionId) {
        Object[] row = row(institutionId);
        return caller.isAdmin() || (caller.hasRole(Roles.INSTITUTION) && caller.clientId().isPresent()
                && caller.clientId().get().equals(row[5]));
    }

    public boolean isVerified(UUID institutionId) {
        return Status.VERIFIED.name().equals(row(institutionId)[6]);
    }

    public String consulateOf(UUID institutionId) {
        return (String) row(institutionId)[4];
    }

    public String nameOf(UUID institutionId) {
        return (String) row(institutionId)[1];
    }

    public List<String> contactCurps(UUID institutionId) {
        @SuppressWarnings("unchecked")
        List<String> curps = em.createNativeQuery("SELECT curp FROM institution_contact WHERE institution_id = :id "
                + "AND curp IS NOT NULL").setParameter("id", institutionId).getResultList();
        return curps;
    }

    private boolean mayRead(Object[] row) {
        String consulate = (String) row[4];
        return caller.isAdmin()
                || (caller.hasRole(Roles.INSTITUTION) && caller.clientId().filter(c -> c.equals(row[5])).isPresent())
                || (caller.hasAnyRole(Roles.CONSULAR_OFFICER, Roles.CONSULATE_SUPERVISOR, Roles.IME_COMMITTEE_MEMBER)
                        && caller.worksAt(consulate));
    }

    private Object[] row(UUID id) {
        List<?> rows = em.createNativeQuery(select() + " WHERE id = :id").setParameter("id", id).getResultList();
        if (rows.isEmpty()) {
            throw ApiException.notFound("Institution");
        }
        return (Object[]) rows.get(0);
    }

    private static String select() {
        return "SELECT id, legal_name, tax_id, type, consulate_code, owner_client, status, verified_at, created_at "
                + "FROM institution";
    }

    private InstitutionView view(Object[] row) {
        UUID id = (UUID) row[0];
        @SuppressWarnings("unchecked")
        List<Object[]> contacts = em.createNativeQuery("SELECT name, role, email, phone, curp FROM institution_contact "
                + "WHERE institution_id = :id ORDER BY name").setParameter("id", id).getResultList();
        Instant verifiedAt = SqlValues.instant(row[7]);
        return new InstitutionView(id, (String) row[1], (String) row[2], Type.valueOf((String) row[3]),
                (String) row[4], Status.valueOf((String) row[6]),
                contacts.stream().map(c -> new Contact((String) c[0], (String) c[1], (String) c[2], (String) c[3],
                        (String) c[4])).toList(),
                verifiedAt, SqlValues.instant(row[8]));
    }
}
