package mx.gob.sre.scholarship.institution;

import java.net.URI;
import java.util.List;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import mx.gob.sre.platform.problem.Problem;
import mx.gob.sre.platform.security.Roles;
import mx.gob.sre.scholarship.institution.InstitutionApi.InstitutionView;
import mx.gob.sre.scholarship.institution.InstitutionApi.Register;
import mx.gob.sre.scholarship.institution.InstitutionApi.Verification;

@Path("/institutions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Institutions")
public class InstitutionResource {

    @Inject
    InstitutionService institutions;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.INSTITUTION, Roles.ADMIN})
    @Operation(operationId = "registerInstitution", summary = "Register a university, community college or "
            + "adult-education non-profit",
            description = "By the institution's partner client, or IME. It must be verified by the consulate of its "
                    + "jurisdiction before it can apply.")
    @APIResponse(responseCode = "201", description = "Registered, pending verification",
            content = @Content(schema = @Schema(implementation = InstitutionView.class)))
    @APIResponse(responseCode = "409", description = "Already registered with this consulate",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response register(@NotNull @Valid Register request) {
        InstitutionView institution = institutions.register(request);
        return Response.created(URI.create("institutions/" + institution.id())).entity(institution).build();
    }

    @GET
    @RolesAllowed({Roles.INSTITUTION, Roles.ADMIN, Roles.CONSULAR_OFFICER, Roles.CONSULATE_SUPERVISOR,
        Roles.IME_COMMITTEE_MEMBER})
    @Operation(operationId = "listInstitutions", summary = "Institutions the caller may see")
    public List<InstitutionView> list(@QueryParam("consulate") @Pattern(regexp = "[A-Z]{3,8}") String consulate) {
        return institutions.list(consulate);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.INSTITUTION, Roles.ADMIN, Roles.CONSULAR_OFFICER, Roles.CONSULATE_SUPERVISOR,
        Roles.IME_COMMITTEE_MEMBER})
    @Operation(operationId = "getInstitution", summary = "Read an institution")
    public InstitutionView get(@PathParam("id") UUID id) {
        return institutions.get(id);
    }

    @POST
    @Path("/{id}/verification")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CONSULAR_OFFICER, Roles.CONSULATE_SUPERVISOR})
    @Operation(operationId = "verifyInstitution", summary = "The consulate verifies (or rejects) an institution")
    public InstitutionView verify(@PathParam("id") UUID id, @NotNull @Valid Verification verification) {
        return institutions.verify(id, verification);
    }
}
