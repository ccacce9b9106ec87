package mx.gob.sre.consular.arco;

import java.util.List;
import java.util.Map;
import java.util.UUID;

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

import io.smallrye.common.annotation.Blocking;
import mx.gob.sre.consular.arco.ArcoApi.Answer;
import mx.gob.sre.consular.arco.ArcoApi.ArcoView;
import mx.gob.sre.consular.arco.ArcoApi.FileRequest;
import mx.gob.sre.platform.problem.Problem;
import mx.gob.sre.platform.security.Roles;

@Path("/citizens/{curp}/arco-requests")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Citizens")
@RolesAllowed({Roles.CITIZEN, Roles.CONSULAR_OFFICER, Roles.CONSULATE_SUPERVISOR})
public class ArcoResource {

    static final String CURP = "[A-Za-z0-9]{18}";

    @Inject
    ArcoService arco;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "fileArcoRequest", summary = "File an ARCO request (access, rectification, "
            + "cancellation, opposition)",
            description = "By the citizen, or by staff of their consulate on their behalf. Tracked against the legal "
                    + "deadline in working days (20 by default).")
    @APIResponse(responseCode = "201", description = "Filed",
            content = @Content(schema = @Schema(implementation = ArcoView.class)))
    public Response file(@PathParam("curp") @Pattern(regexp = CURP) String curp, @NotNull @Valid FileRequest request) {
        return Response.status(201).entity(arco.file(curp, request)).build();
    }

    @GET
    @Operation(operationId = "listArcoRequests", summary = "A citizen's ARCO requests, with deadlines and overdue flags")
    public List<ArcoView> list(@PathParam("curp") @Pattern(regexp = CURP) String curp) {
        return arco.list(curp);
    }

    @POST
    @Path("/{id}/answer")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CONSULAR_OFFICER, Roles.CONSULATE_SUPERVISOR})
    @Operation(operationId = "answerArcoRequest", summary = "Answer or reject an ARCO request (staff)")
    @APIResponse(responseCode = "200", description = "Answered",
            content = @Content(schema = @Schema(implementation = ArcoView.class)))
    @APIResponse(responseCode = "409", description = "Already answered",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ArcoView answer(@PathParam("curp") @Pattern(regexp = CURP) String curp, @PathParam("id") UUID id,
            @NotNull @Valid Answer answer) {
        return arco.answer(curp, id, answer);
    }

    @GET
    @Path("/{id}/export")
    @Blocking
    @Operation(operationId = "exportPersonalData", summary = "The complete export of an ACCESS request",
            description = "Everything the suite holds on the person: this service's records and what the voter and "
                    + "scholarship services return. Protection-case data is given in person only.")
    public Map<String, Object> export(@PathParam("curp") @Pattern(regexp = CURP) String curp,
            @PathParam("id") UUID id) {
        return arco.export(curp, id);
    }
}
