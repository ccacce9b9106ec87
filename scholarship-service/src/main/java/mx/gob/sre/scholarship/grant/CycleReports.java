package mx.gob.sre.scholarship.grant;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import mx.gob.sre.platform.problem.ApiException;
import mx.gob.sre.platform.security.Caller;
import mx.gob.sre.platform.security.Roles;
import mx.gob.sre.scholarship.ScholarshipConfig;
import mx.gob.sre.scholarship.grant.GrantApi.CycleReport;
import mx.gob.sre.scholarship.grant.GrantApi.Line;

/** A cycle's totals by consulate, category and institution, for IME (all) or a consulate (its own). */
@ApplicationScoped
public class CycleReports {

    @Inject
    EntityManager em;

    @Inject
    ScholarshipConfig config;

    @Inject
    Caller caller;

    private record Award(String consulate, String category, String institution, long amount, long disbursed,
            long matching, long planned, long served, boolean nonCompliant) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CycleReport report(int cycle) {
        String consulate;
        if (caller.isAdmin()) {
            consulate = null;
        } else if (caller.hasRole(Roles.CONSULATE_SUPERVISOR) && caller.consulate().isPresent()) {
            consulate = caller.consulate().get().toUpperCase(java.util.Locale.ROOT);
        } else {
            throw ApiException.notFound("Report");
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                WITH latest AS (
                    SELECT DISTINCT ON (award_id) award_id, students_served
                    FROM beneficiary_report ORDER BY award_id, reported_at DESC),
                money AS (
                    SELECT award_id, sum(amount_cents) FILTER (WHERE fund = 'IME') AS ime,
                           sum(amount_cents) FILTER (WHERE fund = 'MATCHING') AS matching
                    FROM ledger_entry GROUP BY award_id)
                SELECT a.consulate_code, a.category, i.legal_name || ' (' || a.consulate_code || ')', a.amount_cents,
                       coalesce(m.ime, 0), coalesce(m.matching, 0), g.students, coalesce(l.students_served, 0),
                       a.non_compliant
                FROM award a
                JOIN institution i ON i.id = a.institution_id
                JOIN grant_application g ON g.id = a.application_id
                LEFT JOIN money m ON m.award_id = a.id
                LEFT JOIN latest l ON l.award_id = a.id
                WHERE a.cycle = :cycle AND (CAST(:consulate AS VARCHAR) IS NULL OR a.consulate_code = :consulate)""")
                .setParameter("cycle", cycle).setParameter("consulate", consulate).getResultList();
        List<Award> awards = rows.stream().map(r -> new Award((String) r[0], (String) r[1], (String) r[2],
                number(r[3]), number(r[4]), number(r[5]), number(r[6]), number(r[7]), (Boolean) r[8])).toList();
        return new CycleReport(cycle, config.budgets().getOrDefault(String.valueOf(cycle), 0L),
                line("total", awards), by(awards, Award::consulate), by(awards, Award::category),
                by(awards, Award::institution));
    }

    private static List<Line> by(List<Award> awards, Function<Award, String> key) {
        Map<String, List<Award>> groups = new TreeMap<>();
        awards.forEach(a -> groups.computeIfAbsent(key.apply(a), k -> new java.util.ArrayList<>()).add(a));
        return groups.entrySet().stream().map(e -> line(e.getKey(), e.getValue())).toList();
    }

    private static Line line(String key, List<Award> awards) {
        return new Line(key, awards.size(), sum(awards, Award::amount), sum(awards, Award::disbursed),
                sum(awards, Award::matching), sum(awards, Award::planned), sum(awards, Award::served),
                awards.stream().filter(Award::nonCompliant).count());
    }

    private static long sum(List<Award> awards, java.util.function.ToLongFunction<Award> value) {
        return awards.stream().mapToLong(value).sum();
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
