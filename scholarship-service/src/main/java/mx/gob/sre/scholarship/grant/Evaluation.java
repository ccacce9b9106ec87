package mx.gob.sre.scholarship.grant;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import mx.gob.sre.platform.persistence.SqlValues;
import mx.gob.sre.platform.problem.ApiException;
import mx.gob.sre.platform.problem.ProblemType;
import mx.gob.sre.platform.security.Caller;
import mx.gob.sre.platform.security.Roles;
import mx.gob.sre.scholarship.call.CallApi.Criterion;
import mx.gob.sre.scholarship.call.CallService;
import mx.gob.sre.scholarship.grant.GrantApi.ApplicationStatus;
import mx.gob.sre.scholarship.grant.GrantApi.Category;
import mx.gob.sre.scholarship.grant.GrantApi.Ranked;
import mx.gob.sre.scholarship.grant.GrantApi.Ranking;
import mx.gob.sre.scholarship.institution.InstitutionService;

/**
 * The local committee's evaluation. Each member scores every application against the rubric, except
 * those of institutions the member declared a conflict of interest with. Scores stay hidden until every
 * eligible member has scored an application. The ranking is by average weighted score; ties go to the
 * higher low-income share, then the larger matching-funds ratio, then the earlier submission.
 */
@ApplicationScoped
public class Evaluation {

    @Inject
    EntityManager em;

    @Inject
    CallService calls;

    @Inject
    GrantApplications applications;

    @Inject
    InstitutionService institutions;

    @Inject
    ObjectMapper json;

    @Inject
    Caller caller;

    @Transactional
    public void declareConflict(UUID callId, UUID institutionId, String reason) {
        CallService.CallData call = calls.data(callId, false);
        String member = member(call);
        em.createNativeQuery("""
                INSERT INTO conflict_of_interest (call_id, member, institution_id, reason, declared_at)
                VALUES (:call, :member, :institution, :reason, now()) ON CONFLICT DO NOTHING""")
                .setParameter("call", callId).setParameter("member", member).setParameter("institution", institutionId)
                .setParameter("reason", reason).executeUpdate();
        em.createNativeQuery("DELETE FROM score s USING grant_application a WHERE s.application_id = a.id "
                        + "AND a.call_id = :call AND a.institution_id = :institution AND s.member = :member")
                .setParameter("call", callId).setParameter("institution", institutionId).setParameter("member", member)
                .executeUpdate();
    }

    @Transactional
    public void score(UUID applicationId, Map<String, Integer> criteria) {
        Object[] row = applications.row(applicationId);
        CallService.CallData call = calls.data((UUID) row[1], false);
        String member = member(call);
        Object status = em.createNativeQuery("SELECT status FROM grant_application WHERE id = :id")
                .setParameter("id", applicationId).getSingleResult();
        if (!ApplicationStatus.SUBMITTED.name().equals(status)) {
            throw ApiException.rule("scoring-open", "Scores are final once an award round has ranked the application");
        }
        if (conflicted(call.id(), member, (UUID) row[2])) {
            throw new ApiException(ProblemType.FORBIDDEN, "You declared a conflict of interest with this institution "
                    + "and cannot score its application").with("rule", "conflict-of-interest");
        }
        Set<String> expected = new HashSet<>();
        call.rubric().forEach(c -> expected.add(c.name()));
        if (!criteria.keySet().equals(expected)) {
            throw ApiException.invalid("criteria", "must score exactly the rubric's criteria " + expected);
        }
        BigDecimal total = BigDecimal.ZERO;
        for (Criterion criterion : call.rubric()) {
            total = total.add(BigDecimal.valueOf((long) criterion.weight() * criteria.get(criterion.name()))
                    .divide(BigDecimal.TEN, 2, RoundingMode.HALF_UP));
        }
        String stored;
        try {
            stored = json.writeValueAsString(criteria);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        em.createNativeQuery("""
                INSERT INTO score (application_id, member, criteria, total, scored_at) VALUES (:app, :member, :criteria,
                    :total, now())
                ON CONFLICT (application_id, member) DO UPDATE SET criteria = EXCLUDED.criteria, total = EXCLUDED.total,
                    scored_at = now()""")
                .setParameter("app", applicationId).setParameter("member", member).setParameter("criteria", stored)
                .setParameter("total", total).executeUpdate();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Ranking ranking(UUID callId) {
        CallService.CallData call = calls.data(callId, false);
        boolean committee = call.committee().contains(caller.subject())
                && caller.hasRole(Roles.IME_COMMITTEE_MEMBER);
        boolean staff = caller.hasRole(Roles.CONSULATE_SUPERVISOR) && caller.worksAt(call.consulate());
        if (!(committee || staff || caller.isAdmin())) {
            throw ApiException.notFound("Ranking");
        }
        return rank(call);
    }

    /** The ranking, complete when every application has all its eligible scores. */
    @Transactional(Transactional.TxType.SUPPORTS)
    Ranking rank(CallService.CallData call) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT a.id, a.institution_id, a.category, a.amount_requested_cents, a.low_income_share_pct,
                       a.matching_funds_cents, a.submitted_at, a.status, a.awarded_cents,
                       (SELECT count(*) FROM score s WHERE s.application_id = a.id),
                       (SELECT avg(total) FROM score s WHERE s.application_id = a.id)
                FROM grant_application a WHERE a.call_id = :call""").setParameter("call", call.id()).getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> conflictRows = em.createNativeQuery(
                "SELECT member, institution_id FROM conflict_of_interest WHERE call_id = :call")
                .setParameter("call", call.id()).getResultList();
        Map<UUID, Integer> conflicts = new HashMap<>();
        for (Object[] c : conflictRows) {
            if (call.committee().contains((String) c[0])) {
                conflicts.merge((UUID) c[1], 1, Integer::sum);
            }
        }
        record Row(UUID id, UUID institution, Category category, long requested, BigDecimal share, long matching,
                Instant submitted, ApplicationStatus status, Long awarded, int scores, BigDecimal average, int eligible) {
            boolean complete() {
                return eligible > 0 && scores >= eligible;
            }

            double matchingRatio() {
                return (double) matching / requested;
            }
        }
        List<Row> all = new ArrayList<>();
        for (Object[] r : rows) {
            UUID institution = (UUID) r[1];
            int eligible = call.committee().size() - conflicts.getOrDefault(institution, 0);
            all.add(new Row((UUID) r[0], institution, Category.valueOf((String) r[2]), ((Number) r[3]).longValue(),
                    (BigDecimal) r[4], ((Number) r[5]).longValue(), SqlValues.instant(r[6]),
                    ApplicationStatus.valueOf((String) r[7]), r[8] == null ? null : ((Number) r[8]).longValue(),
                    ((Number) r[9]).intValue(), r[10] == null ? null : ((BigDecimal) r[10]).setScale(2,
                            RoundingMode.HALF_UP), eligible));
        }
        boolean complete = !all.isEmpty() && all.stream().allMatch(Row::complete);
        all.sort(Comparator.<Row, BigDecimal>comparing(r -> r.complete() ? r.average() : BigDecimal.valueOf(-1))
                .reversed()
                .thenComparing(Row::share, Comparator.reverseOrder())
                .thenComparing(Row::matchingRatio, Comparator.reverseOrder())
                .thenComparing(Row::submitted));
        List<Ranked> ranked = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Row r = all.get(i);
            ranked.add(new Ranked(i + 1, r.id(), r.institution(), institutions.nameOf(r.institution()), r.category(),
                    r.requested(), r.complete() ? r.average() : null, r.scores(), r.eligible(), r.status(),
                    r.awarded()));
        }
        return new Ranking(call.id(), complete, ranked);
    }

    private String member(CallService.CallData call) {
        String subject = caller.subject();
        if (!caller.hasRole(Roles.IME_COMMITTEE_MEMBER) || !call.committee().contains(subject)) {
            throw ApiException.notFound("Call");
        }
        return subject;
    }

    private boolean conflicted(UUID callId, String member, UUID institutionId) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM conflict_of_interest WHERE call_id = :c "
                + "AND member = :m AND institution_id = :i").setParameter("c", callId).setParameter("m", member)
                .setParameter("i", institutionId).getSingleResult()).longValue() > 0;
    }
}
