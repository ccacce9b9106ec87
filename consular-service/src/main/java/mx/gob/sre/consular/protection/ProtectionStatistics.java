package mx.gob.sre.consular.protection;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import mx.gob.sre.consular.consulate.ConsulateCalendars;
import mx.gob.sre.platform.problem.ApiException;
import mx.gob.sre.platform.security.Caller;
import mx.gob.sre.platform.security.Roles;

/**
 * The only thing about protection cases that leaves the service: de-identified counts per consulate and
 * period. Any count under 5 is suppressed, so no small group can be singled out (GBVIMS).
 */
@ApplicationScoped
public class ProtectionStatistics {

    public static final int MINIMUM_CELL = 5;

    @Inject
    EntityManager em;

    @Inject
    ConsulateCalendars calendars;

    @Inject
    Caller caller;

    @Inject
    ProtectionAccess access;

    @Schema(name = "ProtectionStatistics", description = "Counts per category; a count under 5 is null and listed "
            + "in suppressed")
    public record Statistics(String consulate, LocalDate from, LocalDate to, Integer cases,
            Map<String, Integer> byChannel, Map<String, Integer> byViolenceType, Map<String, Integer> byRiskLevel,
            List<String> suppressed) {
    }

    @Transactional
    public Statistics compute(String consulateCode, LocalDate from, LocalDate to) {
        ConsulateCalendars.Schedule schedule = calendars.schedule(consulateCode.toUpperCase(Locale.ROOT))
                .filter(s -> caller.isAdmin()
                        || (caller.hasRole(Roles.CONSULATE_SUPERVISOR) && caller.worksAt(s.code())))
                .orElseThrow(() -> ApiException.notFound("Consulate " + consulateCode));
        if (to.isBefore(from)) {
            throw ApiException.invalid("to", "must not be before from");
        }
        ZoneId zone = schedule.zone();
        var start = from.atStartOfDay(zone).toInstant().atOffset(ZoneOffset.UTC);
        var end = to.plusDays(1).atStartOfDay(zone).toInstant().atOffset(ZoneOffset.UTC);
        access.audit(null, "STATISTICS:" + schedule.code(), "aggregate statistics", false);

        java.util.ArrayList<String> suppressed = new java.util.ArrayList<>();
        Number total = (Number) em.createNativeQuery("SELECT count(*) FROM protection_case WHERE consulate_code = :c "
                + "AND first_attention_at >= :start AND first_attention_at < :end")
                .setParameter("c", schedule.code()).setParameter("start", start).setParameter("end", end)
                .getSingleResult();
        Integer cases = cell("cases", total.intValue(), suppressed);
        return new Statistics(schedule.code(), from, to, cases,
                counts("channel", "SELECT channel, count(*) FROM protection_case WHERE consulate_code = :c "
                        + "AND first_attention_at >= :start AND first_attention_at < :end GROUP BY channel",
                        schedule.code(), start, end, suppressed),
                counts("violenceType", "SELECT t, count(*) FROM protection_case, "
                        + "unnest(string_to_array(violence_types, ',')) AS t WHERE consulate_code = :c "
                        + "AND first_attention_at >= :start AND first_attention_at < :end GROUP BY t",
                        schedule.code(), start, end, suppressed),
                counts("riskLevel", "SELECT risk_level, count(*) FROM protection_case WHERE consulate_code = :c "
                        + "AND first_attention_at >= :start AND first_attention_at < :end GROUP BY risk_level",
                        schedule.code(), start, end, suppressed),
                List.copyOf(suppressed));
    }

    private Map<String, Integer> counts(String dimension, String sql, String consulate, Object start, Object end,
            List<String> suppressed) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(sql).setParameter("c", consulate).setParameter("start", start)
                .setParameter("end", end).getResultList();
        Map<String, Integer> counts = new LinkedHashMap<>();
        rows.stream().sorted((a, b) -> ((String) a[0]).compareTo((String) b[0])).forEach(row ->
                counts.put((String) row[0], cell(dimension + "." + row[0], ((Number) row[1]).intValue(), suppressed)));
        return counts;
    }

    private static Integer cell(String name, int count, List<String> suppressed) {
        if (count > 0 && count < MINIMUM_CELL) {
            suppressed.add(name);
            return null;
        }
        return count;
    }
}
