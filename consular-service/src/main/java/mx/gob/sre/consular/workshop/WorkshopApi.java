package mx.gob.sre.consular.workshop;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import mx.gob.sre.platform.curp.ValidCurp;

/** Requests and responses of the workshops API. */
public final class WorkshopApi {

    private WorkshopApi() {
    }

    @Schema(name = "CreateWorkshopRequest")
    public record CreateWorkshop(
            @NotBlank @Size(max = 200) @Schema(examples = "Taller de igualdad de género") String title,
            @NotNull Workshop.Topic topic,
            @NotBlank @Size(max = 100) @Schema(examples = "Austin") String city,
            @NotBlank @Size(max = 300) @Schema(examples = "Consulado General, 410 Baylor St") String venue,
            @NotBlank @Size(max = 40) @Schema(examples = "Spanish") String language,
            @NotNull Instant startsAt,
            @NotNull Instant endsAt,
            @NotNull @Min(1) @Max(2000) Integer capacity) {
    }

    @Schema(name = "RegisterForWorkshopRequest", description = "A citizen registers themself (empty body); staff "
            + "register a person by CURP or, for people without one, a guest name")
    public record Register(
            @ValidCurp String curp,
            @Size(max = 200) String guestName,
            @Email @Size(max = 254) String guestEmail) {
    }

    @Schema(name = "AttendanceRequest")
    public record Attendance(@NotEmpty @Size(max = 2000) List<@NotNull UUID> attended) {
    }

    @Schema(name = "Workshop")
    public record WorkshopView(UUID id, String consulate, String title, Workshop.Topic topic, String city, String venue,
            String language, Instant startsAt, Instant endsAt, int capacity, long confirmed, long waitlisted,
            Workshop.Status status) {
    }

    @Schema(name = "WorkshopRegistration")
    public record RegistrationView(UUID id, UUID workshopId, String curp, String guestName,
            Registration.Status status, @Schema(description = "Place on the waitlist, 1 first") Integer waitlistPosition,
            Instant registeredAt, Instant confirmedAt, boolean attended) {
    }

    @Schema(name = "WorkshopStatistics", description = "Counts per city and month")
    public record Statistics(String city, @Schema(examples = "2026-11") String month, long workshops, long capacity,
            long confirmed, long waitlisted, long attended) {
    }
}
