package mx.gob.sre.consular.workshop;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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

import io.quarkus.security.Authenticated;
import mx.gob.sre.consular.workshop.WorkshopApi.Attendance;
import mx.gob.sre.consular.workshop.WorkshopApi.CreateWorkshop;
import mx.gob.sre.consular.workshop.WorkshopApi.Register;
import mx.gob.sre.consular.workshop.WorkshopApi.RegistrationView;
import mx.gob.sre.consular.workshop.WorkshopApi.Statistics;
import mx.gob.sre.consular.workshop.WorkshopApi.WorkshopView;
import mx.gob.sre.platform.problem.Problem;
import mx.gob.sre.platform.security.Roles;

@Path("/workshops")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Workshops", description = "Gender workshops and other community workshops")
public class WorkshopResource {

    @Inject
    WorkshopService workshops;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CONSULAR_OFFICER, Roles.CONSULATE_SUPERVISOR})
    @Operation(operationId = "createWorkshop", summary = "Schedule a workshop of the caller's consulate")
    @APIResponse(responseCode = "201", description = "Scheduled",
            content = @Content(schema = @Schema(implementation = WorkshopView.class)))
    public Response create(@NotNull @Valid CreateWorkshop request) {
        WorkshopView workshop = workshops.create(request);
        return Response.created(URI.create("workshops/" + workshop.id())).entity(workshop).build();
    }

    @GET
    @Authenticated
    @Operation(operationId = "listWorkshops", summary = "Upcoming workshops, by consulate, city and dates")
    public List<WorkshopView> list(@QueryParam("consulate") @Pattern(regexp = "[A-Za-z]{3,8}") String consulate,
            @QueryParam("city") @Size(max = 100) @Parameter(example = "Chicago") String city,
            @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to) {
        return workshops.list(consulate, city, from, to);
    }

    @GET
    @Path("/statistics")
    @RolesAllowed({Roles.CONSULAR_OFFICER, Roles.CONSULATE_SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "getWorkshopStatistics", summary = "Workshops, seats, registrations and attendance by "
            + "city and month")
    public List<Statistics> statistics(@QueryParam("consulate") @Pattern(regexp = "[A-Za-z]{3,8}") String consulate,
            @QueryParam("from") @NotNull @Parameter(example = "2026-01-01") LocalDate from,
            @QueryParam("to") @NotNull @Parameter(example = "2026-12-31") LocalDate to) {
        return workshops.statistics(consulate, from, to);
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @Operation(operationId = "getWorkshop", summary = "A workshop with its confirmed and waitlisted counts")
    public WorkshopView get(@PathParam("id") UUID id) {
        return workshops.get(id);
    }

    @POST
    @Path("/{id}/registrations")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CITIZEN, Roles.CONSULAR_OFFICER, Roles.CONSULATE_SUPERVISOR})
    @Operation(operationId = "registerForWorkshop", summary = "Register for a workshop",
            description = "Confirmed while seats remain, otherwise waitlisted; the waitlist is promoted "
                    + "automatically when someone cancels.")
    @APIResponse(responseCode = "201", description = "Confirmed or waitlisted",
            content = @Content(schema = @Schema(implementation = RegistrationView.class)))
    @APIResponse(responseCode = "409", description = "Already registered",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response register(@PathParam("id") UUID id, @NotNull @Valid Register request) {
        return Response.status(201).entity(workshops.register(id, request)).build();
    }

    @GET
    @Path("/{id}/registrations")
    @RolesAllowed({Roles.CONSULAR_OFFICER, Roles.CONSULATE_SUPERVISOR})
    @Operation(operationId = "listWorkshopRegistrations", summary = "Registrations of a workshop, for its staff")
    public List<RegistrationView> registrations(@PathParam("id") UUID id) {
        return workshops.registrations(id);
    }

    @POST
    @Path("/{id}/registrations/{registrationId}/cancel")
    @RolesAllowed({Roles.CITIZEN, Roles.CONSULAR_OFFICER, Roles.CONSULATE_SUPERVISOR})
    @Operation(operationId = "cancelWorkshopRegistration", summary = "Cancel a registration; the waitlist moves up")
    @APIResponse(responseCode = "200", description = "Cancelled",
            content = @Content(schema = @Schema(implementation = RegistrationView.class)))
    @APIResponse(responseCode = "409", description = "Already cancelled",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RegistrationView cancel(@PathParam("id") UUID id, @PathParam("registrationId") UUID registrationId) {
        return workshops.cancel(id, registrationId);
    }

    @POST
    @Path("/{id}/attendance")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CONSULAR_OFFICER, Roles.CONSULATE_SUPERVISOR})
    @Operation(operationId = "recordWorkshopAttendance", summary = "Record who attended")
    public List<RegistrationView> attendance(@PathParam("id") UUID id, @NotNull @Valid Attendance request) {
        return workshops.recordAttendance(id, request);
    }
}
