package mx.gob.sre.consular.consulate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A consulate as the API shows it. */
@Schema(name = "Consulate")
public record ConsulateView(
        @Schema(examples = "SJC") String code,
        @Schema(examples = "Consulado de México en San José") String name,
        @Schema(examples = "San Jose") String city,
        @Schema(description = "ISO 3166-1 alpha-2", examples = "US") String country,
        @Schema(description = "IANA time zone", examples = "America/Los_Angeles") String timeZone,
        String address,
        @Schema(examples = "+14082944200") String phone,
        @Schema(description = "Opening hours, local time") List<OpeningHours> openingHours,
        @Schema(description = "Days the office is closed, from today") List<ClosedDay> holidays,
        @Schema(description = "Procedures offered and the seats of each appointment slot") List<OfferedService> services) {

    @Schema(name = "OpeningHours")
    public record OpeningHours(@Schema(examples = "MONDAY") DayOfWeek day, @Schema(examples = "08:00") LocalTime opens,
            @Schema(examples = "14:00") LocalTime closes) {
    }

    @Schema(name = "ClosedDay")
    public record ClosedDay(LocalDate day, @Schema(examples = "Navidad") String name) {
    }

    @Schema(name = "OfferedService")
    public record OfferedService(@Schema(examples = "PASSPORT") String code, int seatsPerSlot) {
    }

    static ConsulateView of(Consulate consulate, ConsulateCalendars.Schedule schedule, LocalDate today) {
        List<OpeningHours> hours = schedule.hours().entrySet().stream()
                .sorted(java.util.Map.Entry.comparingByKey())
                .map(e -> new OpeningHours(e.getKey(), e.getValue().opens(), e.getValue().closes())).toList();
        List<ClosedDay> holidays = schedule.holidayList().stream().filter(h -> !h.day().isBefore(today))
                .map(h -> new ClosedDay(h.day(), h.name())).toList();
        List<OfferedService> services = schedule.seatsByProcedure().entrySet().stream()
                .sorted(java.util.Map.Entry.comparingByKey())
                .map(e -> new OfferedService(e.getKey(), e.getValue())).toList();
        return new ConsulateView(consulate.code, consulate.name, consulate.city, consulate.country,
                consulate.timeZone, consulate.address, consulate.phone, hours, holidays, services);
    }
}
