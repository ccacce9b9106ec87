package mx.gob.sre.scholarship.grant;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

import mx.gob.sre.platform.idempotency.Idempotency;
import mx.gob.sre.platform.problem.Problem;
import mx.gob.sre.platform.security.Roles;
import mx.gob.sre.scholarship.grant.GrantApi.AwardView;
import mx.gob.sre.scholarship.grant.GrantApi.ReportView;

/** An award's papers and money, and the institution's beneficiary reports. */
@Path("/awards")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Awards and disbursements")
public class AwardResource {

    @Inject
    Awards awards;

    @GET
        @RolesAllowed({Roles.INSTITUTION, Roles.ADMIN, Roles.CONSULAR_OFFICER, Roles.CONSULATE_SUPERVISOR,
        Roles.IME_COMMITTEE_MEMBER})
    @Operation(operationId = "listAwards", summary = "Awards the caller may see",
            description = "An institution's client sees its institutions' awards; consulate staff their consulate's; "
                    + "IME all.")
    public List<AwardView> list(@QueryParam("cycle") @Min(2000) @Max(2100) Integer cycle) {
        return awards.list(cycle);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.INSTITUTION, Roles.ADMIN, Roles.CONSULAR_OFFICER, Roles.CONSULATE_SUPERVISOR,
        Roles.IME_COMMITTEE_MEMBER})
    @Operation(operationId = "getAward", summary = "Read an award, its papers, money and reports")
    public AwardView get(@PathParam("id") UUID id) {
        return awards.get(id);
    }

    @PUT
    @Path("/{id}/mou")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CONSULATE_SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "recordMouSignature", summary = "Record that the MoU was signed",
            description = "The signed MoU itself is uploaded to /uploads/awards/{id}/documents?kind=MOU.")
    public AwardView mou(@PathParam("id") UUID id, @NotNull @Valid GrantApi.Mou request) {
        return awards.signMou(id, request.signedOn(), request.signatory());
    }

    @POST
    @Path("/{id}/disbursements")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CONSULATE_SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "recordDisbursement", summary = "Record a payment",
            description = "IME funds (by IME) move only once the MoU is signed and the MoU, bylaws and receipt are on "
                    + "file, and never past the award; each is published as scholarship.award.disbursed.v1. The "
                    + "institution's matching funds (fund MATCHING, by the consulate or IME) are booked in the same "
                    + "ledger, apart. With an Idempotency-Key a retried payment is recorded once.")
    @APIResponse(responseCode = "201", description = "Recorded; the award with its totals",
            content = @Content(schema = @Schema(implementation = AwardView.class)))
    @APIResponse(responseCode = "422", description = "A rule refused it (rule: papers-before-money, with missing[]; "
            + "within-award)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response disburse(@PathParam("id") UUID id, @NotNull @Valid GrantApi.Payment payment,
            @HeaderParam(Idempotency.HEADER) @Parameter(description = "Makes retries safe; remembered 24 h")
            String idempotencyKey) {
        return awards.disburse(id, payment, idempotencyKey).respond(Response.created(URI.create("awards/" + id)));
    }

    @POST
    @Path("/{id}/beneficiary-reports")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.INSTITUTION, Roles.CONSULATE_SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "reportBeneficiaries", summary = "Report the students served, as counts",
            description = "No student is identified. A report where less than 80% of the funds reached low-income "
                    + "students of Mexican origin is recorded with compliant=false and flags the award.")
    @APIResponse(responseCode = "201", description = "Recorded, with the computed share and compliance",
            content = @Content(schema = @Schema(implementation = ReportView.class)))
    public Response report(@PathParam("id") UUID id, @NotNull @Valid GrantApi.BeneficiaryReport report) {
        return Response.created(URI.create("awards/" + id)).entity(awards.report(id, report)).build();
    }
}
