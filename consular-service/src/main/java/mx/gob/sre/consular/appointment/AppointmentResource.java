package mx.gob.sre.consular.appointment;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import mx.gob.sre.consular.appointment.AppointmentApi.AppointmentView;
import mx.gob.sre.consular.appointment.AppointmentApi.BookAppointment;
import mx.gob.sre.consular.appointment.AppointmentApi.Reschedule;
import mx.gob.sre.platform.idempotency.Idempotency;
import mx.gob.sre.platform.problem.Problem;
import mx.gob.sre.platform.security.Roles;

@Path("/appointments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Appointments")
public class AppointmentResource {

    @Inject
    AppointmentService appointments;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CITIZEN, Roles.CONSULAR_OFFICER, Roles.CONSULATE_SUPERVISOR})
    @Operation(operationId = "bookAppointment", summary = "Book an appointment",
            description = "Takes one seat of a slot. Never overbooks: when many race for the last seat, only as "
                    + "many succeed as there are seats. A citizen holds at most 5 active appointments (configurable). "
                    + "With an Idempotency-Key, a repeat of the same request returns the first booking "
                    + "(Idempotent-Replayed: true); the same key with another body answers 422.")
    @APIResponse(responseCode = "201", description = "Booked",
            content = @Content(schema = @Schema(implementation = AppointmentView.class)))
    @APIResponse(responseCode = "409", description = "The slot is full",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A booking rule refused it (rule: active-appointment-cap, "
            + "citizen-not-registered, service-not-offered, slot-too-soon, slot-too-far), or the Idempotency-Key was "
            + "reused with another body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response book(@NotNull @Valid BookAppointment request,
            @HeaderParam(Idempotency.HEADER) @Parameter(description = "Makes retries safe; remembered 24 h",
                    example = "3f0c8a1e-booking-42") String idempotencyKey) {
        Idempotency.Outcome<AppointmentView> outcome = appointments.book(request, idempotencyKey);
        return outcome.respond(Response.created(URI.create("appointments/" + outcome.value().id())));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CITIZEN, Roles.CONSULAR_OFFICER, Roles.CONSULATE_SUPERVISOR})
    @Operation(operationId = "getAppointment", summary = "Read an appointment",
            description = "Its citizen and the staff of its consulate see it; anyone else gets 404.")
    public AppointmentView get(@PathParam("id") UUID id) {
        return appointments.get(id);
    }

    @GET
    @RolesAllowed({Roles.CITIZEN, Roles.CONSULAR_OFFICER, Roles.CONSULATE_SUPERVISOR})
    @Operation(operationId = "listAppointments", summary = "A citizen's appointments, newest first",
            description = "A citizen gets their own; staff give the CURP and see the appointments at their consulate.")
    public List<AppointmentView> list(@QueryParam("curp") @Pattern(regexp = "[A-Za-z0-9]{18}") String curp,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return appointments.forCitizen(curp, limit);
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({Roles.CITIZEN, Roles.CONSULAR_OFFICER, Roles.CONSULATE_SUPERVISOR})
    @Operation(operationId = "cancelAppointment", summary = "Cancel an appointment and free its seat")
    @APIResponse(responseCode = "200", description = "Cancelled",
            content = @Content(schema = @Schema(implementation = AppointmentView.class)))
    @APIResponse(responseCode = "409", description = "It is no longer BOOKED",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AppointmentView cancel(@PathParam("id") UUID id) {
        return appointments.cancel(id);
    }

    @POST
    @Path("/{id}/reschedule")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CITIZEN, Roles.CONSULAR_OFFICER, Roles.CONSULATE_SUPERVISOR})
    @Operation(operationId = "rescheduleAppointment", summary = "Move an appointment to another slot",
            description = "Atomic: if the new slot is full the answer is 409 and the old seat is kept.")
    @APIResponse(responseCode = "200", description = "Moved",
            content = @Content(schema = @Schema(implementation = AppointmentView.class)))
    @APIResponse(responseCode = "409", description = "The new slot is full, or the appointment is not BOOKED",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AppointmentView reschedule(@PathParam("id") UUID id, @NotNull @Valid Reschedule request) {
        return appointments.reschedule(id, request.startsAt());
    }
}
