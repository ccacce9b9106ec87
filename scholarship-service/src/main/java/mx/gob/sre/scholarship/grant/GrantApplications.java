package mx.gob.sre.scholarship.grant;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import mx.gob.sre.platform.persistence.SqlValues;
import mx.gob.sre.platform.problem.ApiException;
import mx.gob.sre.platform.problem.FieldError;
import mx.gob.sre.platform.problem.ProblemType;
import mx.gob.sre.platform.security.Caller;
import mx.gob.sre.platform.security.Roles;
import mx.gob.sre.scholarship.ScholarshipConfig;
import mx.gob.sre.scholarship.call.CallService;
import mx.gob.sre.scholarship.document.Documents;
import mx.gob.sre.scholarship.grant.GrantApi.ApplicationStatus;
import mx.gob.sre.scholarship.grant.GrantApi.ApplicationView;
import mx.gob.sre.scholarship.grant.GrantApi.Apply;
import mx.gob.sre.scholarship.grant.GrantApi.Category;
import mx.gob.sre.scholarship.institution.InstitutionService;

/** Grant applications of verified institutions to open calls, with their PDF attachments. */
@ApplicationScoped
public class GrantApplications {

    public static final String OWNER = "APPLICATION";

    @Inject
    EntityManager em;

    @Inject
    CallService calls;

    @Inject
    InstitutionService institutions;

    @Inject
    Documents documents;

    @Inject
    ScholarshipConfig config;

    @Inject
    Caller caller;

    /** Applies to a call. Every rule that fails is named in one problem. */
    @Transactional
    public ApplicationView apply(UUID callId, Apply request) {
        CallService.CallData call = calls.data(callId, false);
        if (!institutions.actsFor(request.institutionId())) {
            throw ApiException.notFound("Institution");
        }
        List<FieldError> failures = new ArrayList<>();
        if (!call.open(Instant.now())) {
            failures.add(new FieldError("callId", "the call is not open (rule call-open)"));
        }
        if (!institutions.isVerified(request.institutionId())) {
            failures.add(new FieldError("institutionId", "the institution is not verified by its consulate (rule "
                    + "institution-verified)"));
        }
        if (!institutions.consulateOf(request.institutionId()).equals(call.consulate())) {
            failures.add(new FieldError("institutionId", "the institution is not in this consulate's jurisdiction "
                    + "(rule jurisdiction)"));
        }
        if (request.lowIncomeSharePct().compareTo(BigDecimal.valueOf(config.minLowIncomeSharePct())) < 0) {
            failures.add(new FieldError("lowIncomeSharePct", "must be at least " + config.minLowIncomeSharePct()
                    + "% for low-income students of Mexican origin (rule low-income-share)"));
        }
        long cap = request.category() == Category.ADULT_EDUCATION ? call.adultEducationCap() : call.higherEducationCap();
        if (request.amountRequestedCents() > cap) {
            failures.add(new FieldError("amountRequestedCents", "exceeds the category cap of " + cap
                    + " cents (rule category-cap)"));
        }
        long computed = request.amountPerStudentCents() * request.students();
        if (Math.abs(computed - request.amountRequestedCents()) > request.amountRequestedCents() / 100) {
            failures.add(new FieldError("amountRequestedCents", "must equal amountPerStudentCents × students (rule "
                    + "amounts-consistent)"));
        }
        if (!failures.isEmpty()) {
            throw new ApiException(ProblemType.RULE_VIOLATION, failures.size() == 1 ? failures.get(0).message()
                    : failures.size() + " rules failed", failures);
        }
        UUID id = UUID.randomUUID();
        int inserted = em.createNativeQuery("""
                INSERT INTO grant_application (id, call_id, institution_id, category, amount_requested_cents, students,
                    amount_per_student_cents, selection_process, timeline, matching_funds_cents, low_income_share_pct,
                    status, submitted_at, submitted_by)
                VALUES (:id, :call, :institution, :category, :amount, :students, :perStudent, :selection, :timeline,
                        :matching, :share, 'SUBMITTED', :at, :by)
                ON CONFLICT (call_id, institution_id, category) DO NOTHING""")
                .setParameter("id", id).setParameter("call", callId).setParameter("institution", request.institutionId())
                .setParameter("category", request.category().name())
                .setParameter("amount", request.amountRequestedCents()).setParameter("students", request.students())
                .setParameter("perStudent", request.amountPerStudentCents())
                .setParameter("selection", request.selectionProcess()).setParameter("timeline", request.timeline())
                .setParameter("matching", request.matchingFundsCents()).setParameter("share", request.lowIncomeSharePct())
                .setParameter("at", OffsetDateTime.now(ZoneOffset.UTC)).setParameter("by", caller.auditId())
                .executeUpdate();
        if (inserted == 0) {
            throw ApiException.conflict("The institution already applied to this call in this category");
        }
        return view(id);
    }

    @Transactional
    public Documents.Stored attach(UUID applicationId, String kind, String filename, java.io.InputStream body) {
        Object[] row = row(applicationId);
        if (!institutions.actsFor((UUID) row[2])) {
            throw ApiException.notFound("Application");
        }
        List<String> required = calls.view((UUID) row[1]).requiredDocuments();
        if (!required.contains(kind)) {
            throw ApiException.invalid("kind", "must be one of the call's required documents " + required);
        }
        Documents.Upload upload = documents.read(body, Documents.Format.PDF);
        return documents.store(OWNER, applicationId, kind, filename, upload);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ApplicationView get(UUID id) {
        Object[] row = row(id);
        if (!mayRead(row)) {
            throw ApiException.notFound("Application");
        }
        return view(id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ApplicationView> forCall(UUID callId) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("SELECT id FROM grant_application WHERE call_id = :c ORDER BY submitted_at")
                .setParameter("c", callId).getResultList();
        return ids.stream().map(this::row).filter(this::mayRead).map(r -> view((UUID) r[0])).toList();
    }

    /** Institution (its own), the consulate's staff and committee, and IME. */
    boolean mayRead(Object[] row) {
        String consulate = (String) row[3];
        return institutions.actsFor((UUID) row[2]) || caller.isAdmin()
                || (caller.hasAnyRole(Roles.CONSULAR_OFFICER, Roles.CONSULATE_SUPERVISOR, Roles.IME_COMMITTEE_MEMBER)
                        && caller.worksAt(consulate));
    }

    Object[] row(UUID id) {
        List<?> rows = em.createNativeQuery("SELECT a.id, a.call_id, a.institution_id, c.consulate_code "
                + "FROM grant_application a JOIN call c ON c.id = a.call_id WHERE a.id = :id")
                .setParameter("id", id).getResultList();
        if (rows.isEmpty()) {
            throw ApiException.notFound("Application");
        }
        return (Object[]) rows.get(0);
    }

    ApplicationView view(UUID id) {
        Object[] r = (Object[]) em.createNativeQuery("""
                SELECT id, call_id, institution_id, category, amount_requested_cents, students, amount_per_student_cents,
                       selection_process, timeline, matching_funds_cents, low_income_share_pct, status, awarded_cents,
                       waitlist_position, submitted_at
                FROM grant_application WHERE id = :id""").setParameter("id", id).getSingleResult();
        @SuppressWarnings("unchecked")
        List<String> attachments = em.createNativeQuery("SELECT kind || ':' || filename FROM document "
                + "WHERE owner_type = :t AND owner_id = :id ORDER BY uploaded_at").setParameter("t", OWNER)
                .setParameter("id", id).getResultList();
        UUID institution = (UUID) r[2];
        return new ApplicationView(id, (UUID) r[1], institution, institutions.nameOf(institution),
                Category.valueOf((String) r[3]), ((Number) r[4]).longValue(), ((Number) r[5]).intValue(),
                ((Number) r[6]).longValue(), (String) r[7], (String) r[8], ((Number) r[9]).longValue(),
                (BigDecimal) r[10], ApplicationStatus.valueOf((String) r[11]),
                r[12] == null ? null : ((Number) r[12]).longValue(), r[13] == null ? null : ((Number) r[13]).intValue(),
                SqlValues.instant(r[14]), attachments);
    }
}
