package mx.gob.sre.voter.election;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import mx.gob.sre.platform.problem.Problem;
import mx.gob.sre.platform.security.Roles;
import mx.gob.sre.voter.ine.IneConfig;
import mx.gob.sre.voter.ine.IneSignature;

@Path("/elections")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Overseas voter list (LNERE)")
public class ElectionResource {

    static final String ELECTION = "[a-z0-9-]{3,40}";

    @Inject
    OverseasVoterList list;

    @Inject
    IneConfig ine;

    @Inject
    ObjectMapper json;

    @GET
    @Authenticated
    @Operation(operationId = "listElections", summary = "The elections calendar with its cut-offs")
    public List<OverseasVoterList.ElectionView> elections() {
        return list.elections();
    }

    @POST
    @Path("/{id}/registrations")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CITIZEN)
    @Operation(operationId = "registerToVoteFromAbroad", summary = "Register on the overseas voter list for an election",
            description = "For holders of an activated card, before the election's registration cut-off.")
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(schema = @Schema(implementation = OverseasVoterList.Registration.class)))
    @APIResponse(responseCode = "409", description = "Already registered for this election",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "registration-closed or no-activated-card",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response register(@PathParam("id") @Pattern(regexp = ELECTION) String id,
            @NotNull @Valid OverseasVoterList.Register request) {
        return Response.status(201).entity(list.register(id, request.modality())).build();
    }

    @GET
    @Path("/{id}/overseas-voter-list")
    @RolesAllowed(Roles.INE)
    @Operation(operationId = "getOverseasVoterList", summary = "The list of voters residing abroad, for INE only",
            description = "Paged by registration order. The body is signed like every message to INE "
                    + "(X-INE-Timestamp, X-INE-Signature over `<timestamp>.<body>`).")
    @APIResponse(responseCode = "200", description = "A page of the list",
            headers = {@Header(name = IneSignature.SIGNATURE_HEADER), @Header(name = IneSignature.TIMESTAMP_HEADER)},
            content = @Content(schema = @Schema(implementation = OverseasVoterList.Page.class)))
    public Response voterList(@PathParam("id") @Pattern(regexp = ELECTION) String id,
            @QueryParam("limit") @DefaultValue("500") @Min(1) @Max(5000) int limit,
            @QueryParam("cursor") @Size(max = 200) String cursor) throws JsonProcessingException {
        String body = json.writeValueAsString(list.page(id, limit, cursor));
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        return Response.ok(body.getBytes(UTF_8), MediaType.APPLICATION_JSON)
                .header(IneSignature.TIMESTAMP_HEADER, timestamp)
                .header(IneSignature.SIGNATURE_HEADER, IneSignature.sign(ine.submissionSecret(), timestamp, body))
                .build();
    }

    @GET
    @Path("/{id}/overseas-voter-list/statistics")
    @RolesAllowed({Roles.INE, Roles.ADMIN})
    @Operation(operationId = "getOverseasVoterStatistics", summary = "Voters per country of residence and voting state")
    public OverseasVoterList.Statistics statistics(@PathParam("id") @Pattern(regexp = ELECTION) String id) {
        return list.statistics(id);
    }
}
