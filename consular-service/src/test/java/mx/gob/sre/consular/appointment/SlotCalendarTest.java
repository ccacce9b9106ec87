package mx.gob.sre.consular.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SlotCalendarTest {

    static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

    static Map<DayOfWeek, SlotCalendar.Hours> everyDay(String opens, String closes) {
        Map<DayOfWeek, SlotCalendar.Hours> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            hours.put(day, new SlotCalendar.Hours(LocalTime.parse(opens), LocalTime.parse(closes)));
        }
        return hours;
    }

    @Test
    void shouldKeepLocalOpeningTimesAcrossTheSpringChange() {
        SlotCalendar calendar = new SlotCalendar(LOS_ANGELES, everyDay("08:00", "14:00"), Set.of(), Duration.ofMinutes(20));
        List<SlotCalendar.Slot> before = calendar.slots(LocalDate.of(2027, 3, 13), LocalDate.of(2027, 3, 13));
        List<SlotCalendar.Slot> after = calendar.slots(LocalDate.of(2027, 3, 15), LocalDate.of(2027, 3, 15));
        assertThat(before).hasSize(18);
        assertThat(after).hasSize(18);
        assertThat(before.get(0).start()).isEqualTo(Instant.parse("2027-03-13T16:00:00Z"));
        assertThat(after.get(0).start()).isEqualTo(Instant.parse("2027-03-15T15:00:00Z"));
        assertThat(after.get(0).localStart()).isEqualTo(LocalDateTime.of(2027, 3, 15, 8, 0));
    }

    @Test
    void shouldSkipLocalTimesThatDoNotExistWhenClocksSpringForward() {
        SlotCalendar calendar = new SlotCalendar(LOS_ANGELES, everyDay("01:00", "04:00"), Set.of(), Duration.ofMinutes(30));
        List<SlotCalendar.Slot> slots = calendar.slots(LocalDate.of(2027, 3, 14), LocalDate.of(2027, 3, 14));
        assertThat(slots).extracting(slot -> slot.localStart().toLocalTime())
                .containsExactly(LocalTime.of(1, 0), LocalTime.of(1, 30), LocalTime.of(3, 0), LocalTime.of(3, 30));
        assertThat(slots.get(1).end()).isEqualTo(slots.get(2).start());
    }

    @Test
    void shouldOfferRepeatedLocalTimesOnceWhenClocksFallBack() {
        SlotCalendar calendar = new SlotCalendar(LOS_ANGELES, everyDay("01:00", "02:00"), Set.of(), Duration.ofMinutes(30));
        List<SlotCalendar.Slot> slots = calendar.slots(LocalDate.of(2027, 11, 7), LocalDate.of(2027, 11, 7));
        assertThat(slots).hasSize(2);
        assertThat(slots.get(0).start()).isEqualTo(Instant.parse("2027-11-07T08:00:00Z"));
        Instant secondOneThirty = Instant.parse("2027-11-07T09:30:00Z");
        assertThat(calendar.slotAt(slots.get(1).start())).isPresent();
        assertThat(calendar.slotAt(secondOneThirty)).isEmpty();
    }

    @Test
    void shouldFollowEachZonesOwnChangeDate() {
        SlotCalendar madrid = new SlotCalendar(ZoneId.of("Europe/Madrid"), everyDay("09:00", "10:00"), Set.of(),
                Duration.ofMinutes(30));
        assertThat(madrid.slots(LocalDate.of(2027, 3, 26), LocalDate.of(2027, 3, 26)).get(0).start())
                .isEqualTo(Instant.parse("2027-03-26T08:00:00Z"));
        assertThat(madrid.slots(LocalDate.of(2027, 3, 29), LocalDate.of(2027, 3, 29)).get(0).start())
                .isEqualTo(Instant.parse("2027-03-29T07:00:00Z"));
    }

    @Test
    void shouldSkipHolidaysAndClosedDaysAndRefuseMisalignedStarts() {
        Map<DayOfWeek, SlotCalendar.Hours> weekdays = new EnumMap<>(DayOfWeek.class);
        weekdays.put(DayOfWeek.MONDAY, new SlotCalendar.Hours(LocalTime.of(8, 0), LocalTime.of(9, 0)));
        weekdays.put(DayOfWeek.TUESDAY, new SlotCalendar.Hours(LocalTime.of(8, 0), LocalTime.of(9, 0)));
        SlotCalendar calendar = new SlotCalendar(LOS_ANGELES, weekdays, Set.of(LocalDate.of(2027, 2, 1)),
                Duration.ofMinutes(20));
        assertThat(calendar.slots(LocalDate.of(2027, 1, 30), LocalDate.of(2027, 2, 2)))
                .extracting(slot -> slot.localStart().toLocalDate()).containsOnly(LocalDate.of(2027, 2, 2));
        Instant tuesdayEight = Instant.parse("2027-02-02T16:00:00Z");
        assertThat(calendar.slotAt(tuesdayEight)).isPresent();
        assertThat(calendar.slotAt(tuesdayEight.plusSeconds(600))).isEmpty();
        assertThat(calendar.slotAt(Instant.parse("2027-02-02T16:40:00Z"))).isPresent();
        assertThat(calendar.slotAt(Instant.parse("2027-02-02T17:00:00Z"))).isEmpty();
        assertThat(calendar.slotAt(Instant.parse("2027-02-01T16:00:00Z"))).isEmpty();
    }
}
