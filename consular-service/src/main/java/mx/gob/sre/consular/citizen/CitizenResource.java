package mx.gob.sre.consular.citizen;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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

import mx.gob.sre.consular.citizen.CitizenApi.CitizenView;
import mx.gob.sre.consular.citizen.CitizenApi.RegisterCitizen;
import mx.gob.sre.platform.problem.Problem;
import mx.gob.sre.platform.security.Roles;

@Path("/citizens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Citizens")
public class CitizenResource {

    static final String CURP_PATH = "[A-Za-z0-9]{18}";

    @Inject
    CitizenService service;

    @POST
    @RolesAllowed({Roles.CITIZEN, Roles.CONSULAR_OFFICER, Roles.CONSULATE_SUPERVISOR})
    @Operation(operationId = "registerCitizen", summary = "Register a citizen",
            description = "A citizen registers their own CURP through the mobile app, or consular staff register a "
                    + "citizen with their consulate. The CURP is validated in full, the birth date must match it, and "
                    + "consent to the privacy notice in force is recorded with its version. Publishes "
                    + "consular.citizen.registered.v1 on consular.citizens.")
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(schema = @Schema(implementation = CitizenView.class)))
    @APIResponse(responseCode = "409", description = "The CURP is already registered; `existing` points to it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response register(@NotNull @Valid RegisterCitizen request) {
        CitizenView citizen = service.register(request);
        return Response.created(URI.create("/citizens/" + citizen.curp())).entity(citizen).build();
    }

    @PATCH
    @Path("/{curp}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @RolesAllowed({Roles.CITIZEN, Roles.CONSULAR_OFFICER, Roles.CONSULATE_SUPERVISOR})
    @Operation(operationId = "updateCitizen", summary = "Correct a citizen's record",
            description = "A citizen corrects their own contact, address abroad and consulate; staff of the "
                    + "citizen's consulate may also correct names. Publishes consular.citizen.updated.v1.")
    public CitizenView update(@PathParam("curp") @Pattern(regexp = CURP_PATH) String curp,
            @NotNull @Valid CitizenApi.UpdateCitizen request) {
        return service.update(curp, request);
    }

    @GET
    @Path("/{curp}")
    @RolesAllowed({Roles.CITIZEN, Roles.CONSULAR_OFFICER, Roles.CONSULATE_SUPERVISOR})
    @Operation(operationId = "getCitizen", summary = "Read a citizen's record",
            description = "A citizen reads only their own record; staff read citizens of their consulate. Anyone "
                    + "else gets 404.")
    public CitizenView get(@PathParam("curp") @Pattern(regexp = CURP_PATH) String curp) {
        return service.get(curp);
    }
}
