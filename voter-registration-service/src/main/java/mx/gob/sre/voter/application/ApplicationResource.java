package mx.gob.sre.voter.application;

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
import mx.gob.sre.voter.application.ApplicationApi.ApplicationView;
import mx.gob.sre.voter.application.ApplicationApi.Capture;
import mx.gob.sre.voter.application.ApplicationApi.FolioStatus;
import mx.gob.sre.voter.application.ApplicationApi.Remediation;

@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Voter-card applications")
public class ApplicationResource {

    static final String CURP = "[A-Za-z0-9]{18}";

    @Inject
    ApplicationService applications;

    @POST
    @Path("/applications")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CONSULAR_OFFICER, Roles.CONSULATE_SUPERVISOR})
    @Operation(operationId = "captureApplication", summary = "Capture a voter-card application at the consulate",
            description = "Applications also arrive from consular.identity-verified. Refused with a problem naming "
                    + "the rule: underage (18 by the next election day), proof-of-address-too-old (3 months), "
                    + "address-not-in-district, documents-not-verified; 409 one-open-application points to the open one.")
    @APIResponse(responseCode = "201", description = "Captured; the folio is the citizen's receipt",
            content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "409", description = "The CURP already has an open application (`existing`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "An eligibility rule failed (`rule`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response capture(@NotNull @Valid Capture request) {
        ApplicationView application = applications.capture(request);
        return Response.created(URI.create("applications/" + application.id())).entity(application).build();
    }

    @GET
    @Path("/applications/{id}")
    @RolesAllowed({Roles.CITIZEN, Roles.CONSULAR_OFFICER, Roles.CONSULATE_SUPERVISOR, Roles.INE})
    @Operation(operationId = "getApplication", summary = "Read an application with its status history",
            description = "The citizen, the consulate that took it, and INE see it; anyone else gets 404.")
    public ApplicationView get(@PathParam("id") UUID id) {
        return applications.get(id);
    }

    @GET
    @Path("/applications")
    @RolesAllowed({Roles.CITIZEN, Roles.CONSULAR_OFFICER, Roles.CONSULATE_SUPERVISOR, Roles.INE})
    @Operation(operationId = "listApplications", summary = "Applications of a CURP",
            description = "A citizen sees only their own.")
    public List<ApplicationView> list(@QueryParam("curp") @Pattern(regexp = CURP) String curp) {
        return applications.list(curp);
    }

    @GET
    @Path("/folios/{folio}")
    @RolesAllowed({Roles.CITIZEN, Roles.CONSULAR_OFFICER, Roles.CONSULATE_SUPERVISOR, Roles.INE})
    @Operation(operationId = "trackFolio", summary = "Track an application by the folio on its receipt")
    public FolioStatus folio(@PathParam("folio") @Pattern(regexp = "[A-Za-z]{3,8}-[0-9]{4}-[0-9]{6}") String folio) {
        return applications.byFolio(folio);
    }

    @POST
    @Path("/applications/{id}/remediation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CITIZEN, Roles.CONSULAR_OFFICER, Roles.CONSULATE_SUPERVISOR})
    @Operation(operationId = "remediateApplication", summary = "Send corrected documents before the deadline",
            description = "Sends the application back to INE's review. After the deadline the answer is 422 and the "
                    + "application becomes REJECTED.")
    @APIResponse(responseCode = "200", description = "Back under review",
            content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "409", description = "The application does not need remediation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The deadline has passed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ApplicationView remediate(@PathParam("id") UUID id, @NotNull @Valid Remediation request) {
        return applications.remediate(id, request);
    }

    @POST
    @Path("/applications/{id}/activation")
    @RolesAllowed(Roles.CITIZEN)
    @Operation(operationId = "activateCard", summary = "Confirm receipt of the card and activate it (citizen, via the app)")
    @APIResponse(responseCode = "200", description = "Activated",
            content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "409", description = "The card has not been delivered",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ApplicationView activate(@PathParam("id") UUID id) {
        return applications.activate(id);
    }

    @POST
    @Path("/applications/{id}/cancel")
    @RolesAllowed({Roles.CITIZEN, Roles.CONSULAR_OFFICER, Roles.CONSULATE_SUPERVISOR})
    @Operation(operationId = "cancelApplication", summary = "Cancel an application before production")
    @APIResponse(responseCode = "200", description = "Cancelled",
            content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "409", description = "Already in production or closed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ApplicationView cancel(@PathParam("id") UUID id) {
        return applications.cancel(id);
    }
}
