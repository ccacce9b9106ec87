package mx.gob.sre.consular.appointment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import mx.gob.sre.platform.curp.ValidCurp;

/** Requests and responses of the appointments API. */
public final class AppointmentApi {

    private AppointmentApi() {
    }

    @Schema(name = "BookAppointmentRequest")
    public record BookAppointment(
            @NotNull @Pattern(regexp = "[A-Z]{3,8}") @Schema(examples = "SJC") String consulate,
            @NotNull @Pattern(regexp = "[A-Z_]{3,32}") @Schema(examples = "PASSPORT") String service,
            @NotNull @Schema(description = "Start of a slot from the availability endpoint",
                    examples = "2026-12-07T16:00:00Z") Instant startsAt,
            @ValidCurp @Schema(description = "Staff only: the citizen booked for. A citizen books for themself.",
                    examples = "HEGG560427MVZRRL04") String curp,
            @Schema(description = "Staff only; citizens' bookings are APP or WEB") Channel channel) {
    }

    @Schema(name = "RescheduleAppointmentRequest")
    public record Reschedule(@NotNull @Schema(examples = "2026-12-08T17:00:00Z") Instant startsAt) {
    }

    @Schema(name = "Appointment")
    public record AppointmentView(
            UUID id,
            String curp,
            @Schema(examples = "SJC") String consulate,
            @Schema(examples = "PASSPORT") String service,
            Instant startsAt,
            Instant endsAt,
            @Schema(description = "Start in the consulate's time zone", examples = "2026-12-07T08:00:00")
            LocalDateTime localStart,
            @Schema(examples = "America/Los_Angeles") String timeZone,
            AppointmentStatus status,
            Channel channel,
            Instant createdAt,
            Instant updatedAt) {

        static AppointmentView of(Appointment a, ZoneId zone) {
            return new AppointmentView(a.id, a.curp, a.consulateCode, a.procedureCode, a.startsAt, a.endsAt,
                    LocalDateTime.ofInstant(a.startsAt, zone), zone.getId(), a.status, a.channel, a.createdAt,
                    a.updatedAt);
        }
    }

    @Schema(name = "Availability")
    public record Availability(
            @Schema(examples = "SJC") String consulate,
            @Schema(examples = "PASSPORT") String service,
            @Schema(examples = "America/Los_Angeles") String timeZone,
            LocalDate from,
            LocalDate to,
            List<SlotView> slots) {
    }

    @Schema(name = "Slot")
    public record SlotView(
            Instant startsAt,
            Instant endsAt,
            @Schema(examples = "2026-12-07T08:00:00") LocalDateTime localStart,
            @Schema(examples = "4") int capacity,
            @Schema(examples = "3") int remaining) {
    }
}
