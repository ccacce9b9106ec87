package mx.gob.sre.consular.consulate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.cache.CacheResult;
import mx.gob.sre.consular.appointment.SlotCalendar;
import mx.gob.sre.platform.persistence.SqlValues;

/**
 * A consulate's opening hours, holidays and offered procedures. They change rarely and every booking
 * reads them, so they are cached for a minute.
 */
@ApplicationScoped
public class ConsulateCalendars {

    /** What a consulate offers and when it is open. */
    public record Schedule(String code, ZoneId zone, Map<DayOfWeek, SlotCalendar.Hours> hours,
            Set<LocalDate> holidays, Map<String, Integer> seatsByProcedure, List<Holiday> holidayList) {

        public boolean offers(String procedure) {
            return seatsByProcedure.containsKey(procedure);
        }
    }

    public record Holiday(LocalDate day, String name) {
    }

    @Inject
    EntityManager em;

    @CacheResult(cacheName = "consulate-schedules")
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Schedule> schedule(String consulateCode) {
        Consulate consulate = em.find(Consulate.class, consulateCode);
        if (consulate == null) {
            return Optional.empty();
        }
        Map<DayOfWeek, SlotCalendar.Hours> hours = new EnumMap<>(DayOfWeek.class);
        for (Object[] row : rows("SELECT day_of_week, opens, closes FROM consulate_hours WHERE consulate_code = ?1",
                consulateCode)) {
            hours.put(DayOfWeek.of(((Number) row[0]).intValue()),
                    new SlotCalendar.Hours(SqlValues.time(row[1]), SqlValues.time(row[2])));
        }
        Set<LocalDate> holidays = new HashSet<>();
        List<Holiday> holidayList = new ArrayList<>();
        for (Object[] row : rows("SELECT day, name FROM consulate_holiday WHERE consulate_code = ?1 ORDER BY day",
                consulateCode)) {
            LocalDate day = SqlValues.date(row[0]);
            holidays.add(day);
            holidayList.add(new Holiday(day, (String) row[1]));
        }
        Map<String, Integer> seats = new HashMap<>();
        for (Object[] row : rows(
                "SELECT procedure_code, seats_per_slot FROM consulate_service WHERE consulate_code = ?1", consulateCode)) {
            seats.put((String) row[0], ((Number) row[1]).intValue());
        }
        return Optional.of(new Schedule(consulate.code, consulate.zone(), Map.copyOf(hours), Set.copyOf(holidays),
                Map.copyOf(seats), List.copyOf(holidayList)));
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, String consulateCode) {
        return em.createNativeQuery(sql).setParameter(1, consulateCode).getResultList();
    }
}
