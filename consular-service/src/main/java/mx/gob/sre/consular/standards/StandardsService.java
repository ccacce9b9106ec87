package mx.gob.sre.consular.standards;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import mx.gob.sre.consular.consulate.ConsulateCalendars;
import mx.gob.sre.consular.standards.ServiceStandards.Check;
import mx.gob.sre.platform.problem.ApiException;
import mx.gob.sre.platform.security.Caller;
import mx.gob.sre.platform.security.Roles;

/**
 * The figures of the customer-service certification, from the real records of appointments, tickets,
 * procedures and surveys, and whether they meet the configured thresholds.
 */
@ApplicationScoped
public class StandardsService {

    @Inject
    EntityManager em;

    @Inject
    ConsulateCalendars calendars;

    @Inject
    CertificationThresholds thresholds;

    @Inject
    Caller caller;

    @Transactional(Transactional.TxType.SUPPORTS)
    public ServiceStandards compute(String consulateCode, LocalDate from, LocalDate to) {
        ConsulateCalendars.Schedule schedule = calendars.schedule(consulateCode.toUpperCase(Locale.ROOT))
                .filter(s -> caller.isAdmin()
                        || (caller.hasAnyRole(Roles.CONSULAR_OFFICER, Roles.CONSULATE_SUPERVISOR)
                                && caller.worksAt(s.code())))
                .orElseThrow(() -> ApiException.notFound("Consulate " + consulateCode));
        if (to.isBefore(from)) {
            throw ApiException.invalid("to", "must not be before from");
        }
        if (from.plusDays(366).isBefore(to)) {
            throw ApiException.invalid("to", "must be at most a year after from");
        }
        OffsetDateTime start = utc(from.atStartOfDay(schedule.zone()).toInstant());
        OffsetDateTime end = utc(to.plusDays(1).atStartOfDay(schedule.zone()).toInstant());
        String code = schedule.code();

        Object[] appointments = single(em.createNativeQuery("""
                SELECT count(*) FILTER (WHERE status <> 'CANCELLED'),
                       count(*) FILTER (WHERE status = 'NO_SHOW'),
                       count(*) FILTER (WHERE status IN ('CHECKED_IN', 'COMPLETED', 'NO_SHOW'))
                FROM appointment
                WHERE consulate_code = :code AND starts_at >= :start AND starts_at < :end"""), code, start, end);
        Object[] queue = single(em.createNativeQuery("""
                SELECT count(*) FILTER (WHERE t.kind = 'WALK_IN'),
                       count(t.called_at),
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM t.called_at - t.checked_in_at))
                           FILTER (WHERE t.called_at IS NOT NULL),
                       percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM t.called_at - t.checked_in_at))
                           FILTER (WHERE t.called_at IS NOT NULL),
                       count(*) FILTER (WHERE t.called_at IS NOT NULL
                           AND t.called_at - t.checked_in_at <= make_interval(mins => p.target_wait_minutes))
                FROM ticket t JOIN procedure p ON p.code = t.procedure_code
                WHERE t.consulate_code = :code AND t.checked_in_at >= :start AND t.checked_in_at < :end"""),
                code, start, end);
        Object[] cases = single(em.createNativeQuery("""
                SELECT count(*) FILTER (WHERE status <> 'REFERRED' AND (resolved_at IS NOT NULL OR resolution_due < now())),
                       count(*) FILTER (WHERE resolved_at IS NOT NULL AND resolved_at <= resolution_due)
                FROM procedure_case
                WHERE consulate_code = :code AND opened_at >= :start AND opened_at < :end"""), code, start, end);
        Object[] surveys = single(em.createNativeQuery("""
                SELECT count(*), avg(s.punctuality), avg(s.duration), avg(s.courtesy), avg(s.competence), avg(s.overall)
                FROM survey s JOIN ticket t ON t.id = s.ticket_id
                WHERE t.consulate_code = :code AND t.checked_in_at >= :start AND t.checked_in_at < :end"""),
                code, start, end);

        long appointmentCount = count(appointments[0]);
        long noShows = count(appointments[1]);
        long due = count(appointments[2]);
        long served = count(queue[1]);
        Double noShowRate = due == 0 ? null : (double) noShows / due;
        Double medianWait = minutes(queue[2]);
        Double p90Wait = minutes(queue[3]);
        Double withinTarget = served == 0 ? null : (double) count(queue[4]) / served;
        long decided = count(cases[0]);
        Double withinLimit = decided == 0 ? null : (double) count(cases[1]) / decided;
        ServiceStandards.Surveys averages = new ServiceStandards.Surveys(count(surveys[0]), number(surveys[1]),
                number(surveys[2]), number(surveys[3]), number(surveys[4]), number(surveys[5]));

        List<Check> checks = new ArrayList<>();
        checks.add(atLeast("servedWithinTarget", thresholds.minServedWithinTarget(), withinTarget,
                "share of people called within their target wait"));
        checks.add(atMost("medianWaitMinutes", thresholds.maxMedianWaitMinutes(), medianWait,
                "median wait from check-in to call, in minutes"));
        checks.add(atLeast("resolvedWithinLimit", thresholds.minResolvedWithinLimit(), withinLimit,
                "share of procedures resolved within their statutory limit"));
        checks.add(atMost("noShowRate", thresholds.maxNoShowRate(), noShowRate, "share of appointments missed"));
        if (averages.responses() < thresholds.minSurveyResponses()) {
            checks.add(new Check("overallRating", thresholds.minOverallRating(), averages.overall(), false,
                    "only " + averages.responses() + " survey answers; at least " + thresholds.minSurveyResponses()
                            + " are needed"));
        } else {
            checks.add(atLeast("overallRating", thresholds.minOverallRating(), averages.overall(),
                    "average overall rating"));
        }
        boolean passed = checks.stream().allMatch(Check::passed);
        return new ServiceStandards(code, from, to, appointmentCount, count(queue[0]), noShows, noShowRate, served,
                medianWait, p90Wait, withinTarget, decided, withinLimit, averages,
                new ServiceStandards.Certification(passed, checks));
    }

    private static Check atLeast(String criterion, double threshold, Double value, String what) {
        if (value == null) {
            return new Check(criterion, threshold, null, false, "no data in the period for the " + what);
        }
        boolean passed = value >= threshold;
        return new Check(criterion, threshold, round(value), passed,
                passed ? null : "the " + what + " is " + round(value) + ", below " + threshold);
    }

    private static Check atMost(String criterion, double threshold, Double value, String what) {
        if (value == null) {
            return new Check(criterion, threshold, null, false, "no data in the period for the " + what);
        }
        boolean passed = value <= threshold;
        return new Check(criterion, threshold, round(value), passed,
                passed ? null : "the " + what + " is " + round(value) + ", above " + threshold);
    }

    private static Object[] single(Query query, String code, OffsetDateTime start, OffsetDateTime end) {
        return (Object[]) query.setParameter("code", code).setParameter("start", start).setParameter("end", end)
                .getSingleResult();
    }

    private static long count(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static Double number(Object value) {
        return value == null ? null : round(((Number) value).doubleValue());
    }

    private static Double minutes(Object seconds) {
        return seconds == null ? null : round(((Number) seconds).doubleValue() / 60.0);
    }

    private static double round(double value) {
        return Math.round(value * 1000.0) / 1000.0;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
