package mx.gob.sre.consular.queue;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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

import mx.gob.sre.consular.queue.TicketApi.CallNext;
import mx.gob.sre.consular.queue.TicketApi.CheckIn;
import mx.gob.sre.consular.queue.TicketApi.TicketView;
import mx.gob.sre.platform.problem.Problem;
import mx.gob.sre.platform.security.Roles;

/** The information desk and the counters of one office. */
@Path("/consulates/{code}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Queue")
@RolesAllowed({Roles.CONSULAR_OFFICER, Roles.CONSULATE_SUPERVISOR})
public class ConsulateQueueResource {

    static final String CODE = "[A-Za-z]{3,8}";

    @Inject
    TicketService tickets;

    @POST
    @Path("/tickets")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "checkIn", summary = "Check in an appointment or a walk-in at the information desk",
            description = "Both join the same queue with the same requirements. An appointment must be this "
                    + "office's and today's.")
    @APIResponse(responseCode = "201", description = "In the queue",
            content = @Content(schema = @Schema(implementation = TicketView.class)))
    @APIResponse(responseCode = "409", description = "The appointment is not BOOKED",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The appointment is for another day, or the office does "
            + "not offer the service",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response checkIn(@PathParam("code") @Pattern(regexp = CODE) String code, @NotNull @Valid CheckIn request) {
        TicketView ticket = tickets.checkIn(code, request);
        return Response.created(URI.create("tickets/" + ticket.id())).entity(ticket).build();
    }

    @GET
    @Path("/queue")
    @Operation(operationId = "getQueue", summary = "Today's open tickets, in order of arrival")
    public List<TicketView> queue(@PathParam("code") @Pattern(regexp = CODE) String code) {
        return tickets.queue(code);
    }

    @POST
    @Path("/queue/next")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "callNext", summary = "Call the ticket that has waited longest to a counter")
    @APIResponse(responseCode = "200", description = "Called",
            content = @Content(schema = @Schema(implementation = TicketView.class)))
    public TicketView callNext(@PathParam("code") @Pattern(regexp = CODE) String code,
            @NotNull @Valid CallNext request) {
        return tickets.callNext(code, request);
    }
}
