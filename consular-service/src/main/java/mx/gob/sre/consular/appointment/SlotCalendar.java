package mx.gob.sre.consular.appointment;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Appointment slots of one consulate and procedure, generated from the consulate's opening hours in its
 * own time zone. Slots follow the wall clock: across a DST change they start at the same local times,
 * so their UTC instants move. A local time that does not exist (spring forward) has no slot; one that
 * happens twice (fall back) has a single slot, at its first occurrence.
 */
public record SlotCalendar(ZoneId zone, Map<DayOfWeek, Hours> hours, Set<LocalDate> holidays, Duration length) {

    /** Opening hours of one weekday, local time. */
    public record Hours(LocalTime opens, LocalTime closes) {
    }

    /** One slot: its instants and its local start, for display. */
    public record Slot(Instant start, Instant end, LocalDateTime localStart) {
    }

    /** Every slot from {@code from} to {@code to}, both included, in local dates. */
    public List<Slot> slots(LocalDate from, LocalDate to) {
        List<Slot> slots = new ArrayList<>();
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            Hours open = hours.get(date.getDayOfWeek());
            if (open == null || holidays.contains(date)) {
                continue;
            }
            for (LocalTime time = open.opens(); !time.plus(length).isAfter(open.closes())
                    && !time.plus(length).isBefore(time); time = time.plus(length)) {
                at(date, time).ifPresent(slots::add);
            }
        }
        return slots;
    }

    /** The slot that starts exactly at {@code start}, if there is one. */
    public Optional<Slot> slotAt(Instant start) {
        ZonedDateTime local = start.atZone(zone);
        LocalDate date = local.toLocalDate();
        Hours open = hours.get(date.getDayOfWeek());
        if (open == null || holidays.contains(date)) {
            return Optional.empty();
        }
        LocalTime time = local.toLocalTime();
        if (time.isBefore(open.opens()) || time.plus(length).isAfter(open.closes())
                || time.plus(length).isBefore(time)) {
            return Optional.empty();
        }
        long offset = Duration.between(open.opens(), time).toNanos();
        if (offset % length.toNanos() != 0) {
            return Optional.empty();
        }
        return at(date, time).filter(slot -> slot.start().equals(start));
    }

    private Optional<Slot> at(LocalDate date, LocalTime time) {
        ZonedDateTime start = ZonedDateTime.of(date, time, zone);
        if (!start.toLocalTime().equals(time)) {
            return Optional.empty();
        }
        Instant instant = start.toInstant();
        return Optional.of(new Slot(instant, instant.plus(length), LocalDateTime.of(date, time)));
    }
}
