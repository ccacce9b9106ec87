package mx.gob.sre.scholarship.grant;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import mx.gob.sre.platform.problem.Problem;
import mx.gob.sre.platform.security.Roles;
import mx.gob.sre.scholarship.grant.GrantApi.ApplicationView;
import mx.gob.sre.scholarship.grant.GrantApi.Score;

/** An application, and the committee members' scores. */
@Path("/applications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Applications and evaluation")
public class ApplicationResource {

    @Inject
    GrantApplications applications;

    @Inject
    Evaluation evaluation;

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.INSTITUTION, Roles.ADMIN, Roles.CONSULAR_OFFICER, Roles.CONSULATE_SUPERVISOR,
        Roles.IME_COMMITTEE_MEMBER})
    @Operation(operationId = "getGrantApplication", summary = "Read an application")
    public ApplicationView get(@PathParam("id") UUID id) {
        return applications.get(id);
    }

    @PUT
    @Path("/{id}/scores/mine")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.IME_COMMITTEE_MEMBER)
    @Operation(operationId = "scoreApplication", summary = "A committee member scores an application",
            description = "0 to 10 for each criterion of the call's rubric; the weighted total is out of 100. A "
                    + "member may revise their score until awards are made.")
    @APIResponse(responseCode = "204", description = "Scored")
    @APIResponse(responseCode = "403", description = "The member declared a conflict of interest with the "
            + "institution (rule: conflict-of-interest)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void score(@PathParam("id") UUID applicationId, @NotNull @Valid Score request) {
        evaluation.score(applicationId, request.criteria());
    }
}
