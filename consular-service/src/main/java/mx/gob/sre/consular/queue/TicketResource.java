package mx.gob.sre.consular.queue;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import mx.gob.sre.consular.queue.TicketApi.Call;
import mx.gob.sre.consular.queue.TicketApi.Complete;
import mx.gob.sre.consular.queue.TicketApi.SurveyAnswers;
import mx.gob.sre.consular.queue.TicketApi.TicketView;
import mx.gob.sre.platform.problem.Problem;
import mx.gob.sre.platform.security.Roles;

@Path("/tickets/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Queue")
public class TicketResource {

    @Inject
    TicketService tickets;

    @Inject
    SurveyService surveys;

    @GET
    @RolesAllowed({Roles.CITIZEN, Roles.CONSULAR_OFFICER, Roles.CONSULATE_SUPERVISOR})
    @Operation(operationId = "getTicket", summary = "Read a ticket with the time of each step",
            description = "The consulate's staff and the ticket's citizen see it; anyone else gets 404.")
    public TicketView get(@PathParam("id") UUID id) {
        return tickets.get(id);
    }

    @POST
    @Path("/call")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CONSULAR_OFFICER, Roles.CONSULATE_SUPERVISOR})
    @Operation(operationId = "callTicket", summary = "Call a waiting ticket to a counter")
    @APIResponse(responseCode = "200", description = "Called",
            content = @Content(schema = @Schema(implementation = TicketView.class)))
    @APIResponse(responseCode = "409", description = "The ticket is not waiting",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TicketView call(@PathParam("id") UUID id, @NotNull @Valid Call request) {
        return tickets.call(id, request.counter());
    }

    @POST
    @Path("/serve")
    @RolesAllowed({Roles.CONSULAR_OFFICER, Roles.CONSULATE_SUPERVISOR})
    @Operation(operationId = "serveTicket", summary = "Start serving a called ticket")
    @APIResponse(responseCode = "200", description = "Serving",
            content = @Content(schema = @Schema(implementation = TicketView.class)))
    @APIResponse(responseCode = "409", description = "The ticket has not been called",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TicketView serve(@PathParam("id") UUID id) {
        return tickets.serve(id);
    }

    @POST
    @Path("/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CONSULAR_OFFICER, Roles.CONSULATE_SUPERVISOR})
    @Operation(operationId = "completeTicket", summary = "Complete the counter step with its outcome",
            description = "Opens the procedure's statutory clock (resolved, missing information requested, or "
                    + "referred). Completing a VOTER_CARD procedure as RESOLVED needs the identity verification "
                    + "and publishes consular.identity.verified.v1, with references to the captured biometrics only.")
    @APIResponse(responseCode = "200", description = "Completed",
            content = @Content(schema = @Schema(implementation = TicketView.class)))
    @APIResponse(responseCode = "409", description = "The ticket is not being served",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A rule refused the voter-card verification (rule: "
            + "documents-not-verified, address-not-in-district, proof-of-address-too-old, citizen-not-registered)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TicketView complete(@PathParam("id") UUID id, @NotNull @Valid Complete request) {
        return tickets.complete(id, request);
    }

    @POST
    @Path("/abandon")
    @RolesAllowed({Roles.CONSULAR_OFFICER, Roles.CONSULATE_SUPERVISOR})
    @Operation(operationId = "abandonTicket", summary = "Close a ticket whose holder left without being served")
    @APIResponse(responseCode = "200", description = "Closed",
            content = @Content(schema = @Schema(implementation = TicketView.class)))
    public TicketView abandon(@PathParam("id") UUID id) {
        return tickets.abandon(id);
    }

    @POST
    @Path("/survey")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CITIZEN, Roles.CONSULAR_OFFICER, Roles.CONSULATE_SUPERVISOR})
    @Operation(operationId = "rateVisit", summary = "Answer the satisfaction survey of a completed visit",
            description = "Punctuality, duration, staff courtesy and competence, and an overall rating, each 1 to 5. "
                    + "One survey per ticket, by its citizen or at the office's kiosk.")
    @APIResponse(responseCode = "204", description = "Recorded")
    @APIResponse(responseCode = "409", description = "Already rated, or the visit is not completed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response survey(@PathParam("id") UUID id, @NotNull @Valid SurveyAnswers answers) {
        surveys.submit(id, answers);
        return Response.noContent().build();
    }
}
