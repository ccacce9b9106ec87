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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import mx.gob.sre.consular.queue.TicketApi.CaseView;
import mx.gob.sre.consular.queue.TicketApi.RequestInformation;
import mx.gob.sre.platform.problem.Problem;
import mx.gob.sre.platform.security.Roles;

@Path("/procedure-cases/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Queue")
public class CaseResource {

    @Inject
    CaseService cases;

    @GET
    @RolesAllowed({Roles.CITIZEN, Roles.CONSULAR_OFFICER, Roles.CONSULATE_SUPERVISOR})
    @Operation(operationId = "getProcedureCase", summary = "A procedure and its statutory clock")
    public CaseView get(@PathParam("id") UUID id) {
        return cases.get(id);
    }

    @POST
    @Path("/request-information")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CONSULAR_OFFICER, Roles.CONSULATE_SUPERVISOR})
    @Operation(operationId = "requestInformation", summary = "Ask the citizen for missing information")
    @APIResponse(responseCode = "200", description = "Waiting for information",
            content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "409", description = "The procedure is not open",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CaseView requestInformation(@PathParam("id") UUID id, @NotNull @Valid RequestInformation request) {
        return cases.requestInformation(id, request.missingInformation());
    }

    @POST
    @Path("/resolve")
    @RolesAllowed({Roles.CONSULAR_OFFICER, Roles.CONSULATE_SUPERVISOR})
    @Operation(operationId = "resolveProcedureCase", summary = "Resolve the procedure, stopping its clock")
    @APIResponse(responseCode = "200", description = "Resolved",
            content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "409", description = "Already resolved or referred",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CaseView resolve(@PathParam("id") UUID id) {
        return cases.resolve(id);
    }
}
