package mx.gob.sre.consular.protection;

import java.net.URI;
import java.util.List;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import mx.gob.sre.consular.protection.ProtectionApi.AuditView;
import mx.gob.sre.consular.protection.ProtectionApi.CaseSummary;
import mx.gob.sre.consular.protection.ProtectionApi.CaseView;
import mx.gob.sre.consular.protection.ProtectionApi.Consent;
import mx.gob.sre.consular.protection.ProtectionApi.ConsentView;
import mx.gob.sre.consular.protection.ProtectionApi.ExternalReferral;
import mx.gob.sre.consular.protection.ProtectionApi.InternalReferral;
import mx.gob.sre.consular.protection.ProtectionApi.Interview;
import mx.gob.sre.consular.protection.ProtectionApi.OpenCase;
import mx.gob.sre.consular.protection.ProtectionApi.ReferralView;
import mx.gob.sre.consular.protection.ProtectionTerms.CaseStatus;
import mx.gob.sre.platform.problem.Problem;
import mx.gob.sre.platform.security.Roles;

/**
 * Protection cases (SRE–UN Women protocol). Only the consulate's protection officers and its supervisor
 * see or touch them; for everyone else they do not exist (404). Every access is audited; state a reason
 * in X-Access-Reason. A supervisor of another consulate may break the glass with X-Break-Glass-Reason.
 */
@Path("/protection-cases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Protection cases", description = "Confidential: need-to-know access, audited, encrypted at rest")
@RolesAllowed({Roles.PROTECTION_OFFICER, Roles.CONSULATE_SUPERVISOR, Roles.CITIZEN, Roles.CONSULAR_OFFICER,
    Roles.SUPPORT_PARTNER, Roles.ADMIN, Roles.IME_COMMITTEE_MEMBER, Roles.INSTITUTION, Roles.INE, Roles.MOBILE_BACKEND})
public class ProtectionCaseResource {

    @Inject
    ProtectionService protection;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PROTECTION_OFFICER, Roles.CONSULATE_SUPERVISOR})
    @Operation(operationId = "openProtectionCase", summary = "Record detection and first attention",
            description = "Through any channel: office, mobile consulate, phone, detention visit or remote. The "
                    + "survivor's identifying data, the narrative and the safe-contact instructions are encrypted "
                    + "before they are stored.")
    @APIResponse(responseCode = "201", description = "Opened",
            content = @Content(schema = @Schema(implementation = CaseView.class)))
    public Response open(@NotNull @Valid OpenCase request) {
        CaseView view = protection.open(request);
        return Response.created(URI.create("protection-cases/" + view.summary().id())).entity(view).build();
    }

    @GET
    @Operation(operationId = "listProtectionCases", summary = "The consulate's cases, without identifying data")
    public List<CaseSummary> list(@QueryParam("status") @Parameter(example = "OPEN") CaseStatus status) {
        return protection.list(status);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getProtectionCase", summary = "Read a case (audited)")
    public CaseView get(@PathParam("id") UUID id) {
        return protection.get(id);
    }

    @POST
    @Path("/{id}/interview")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recordInterview", summary = "Record the interview with the survivor")
    @APIResponse(responseCode = "200", description = "Recorded",
            content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "409", description = "The case is not open",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CaseView interview(@PathParam("id") UUID id, @NotNull @Valid Interview request) {
        return protection.interview(id, request);
    }

    @POST
    @Path("/{id}/internal-referrals")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "referInternally", summary = "Refer inside the consulate through the procedure catalogue")
    @APIResponse(responseCode = "201", description = "Referred",
            content = @Content(schema = @Schema(implementation = ReferralView.class)))
    public Response referInternally(@PathParam("id") UUID id, @NotNull @Valid InternalReferral request) {
        return Response.status(201).entity(protection.referInternally(id, request)).build();
    }

    @POST
    @Path("/{id}/consents")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recordConsent", summary = "Record the survivor's consent to external referral",
            description = "Which services she agrees to be referred to, which fields may be shared, and from when.")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = ConsentView.class)))
    public Response consent(@PathParam("id") UUID id, @NotNull @Valid Consent request) {
        return Response.status(201).entity(protection.recordConsent(id, request)).build();
    }

    @POST
    @Path("/{id}/consents/{consentId}/revoke")
    @Operation(operationId = "revokeConsent", summary = "Withdraw a consent; partners lose access to what it covered")
    public ConsentView revoke(@PathParam("id") UUID id, @PathParam("consentId") UUID consentId) {
        return protection.revokeConsent(id, consentId);
    }

    @POST
    @Path("/{id}/external-referrals")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "referExternally", summary = "Refer to a registered support partner, with consent",
            description = "Refused (422, rule consent-required) unless a consent in force covers the service. The "
                    + "partner receives only the consented fields.")
    @APIResponse(responseCode = "201", description = "Referred",
            content = @Content(schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(responseCode = "422", description = "No consent covers it, or the partner is not registered for it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response referExternally(@PathParam("id") UUID id, @NotNull @Valid ExternalReferral request) {
        return Response.status(201).entity(protection.referExternally(id, request)).build();
    }

    @POST
    @Path("/{id}/close")
    @Operation(operationId = "closeProtectionCase", summary = "Close a case")
    @APIResponse(responseCode = "200", description = "Closed",
            content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "409", description = "Already closed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CaseView close(@PathParam("id") UUID id) {
        return protection.close(id);
    }

    @GET
    @Path("/{id}/audit")
    @Operation(operationId = "getProtectionAudit", summary = "Who read or changed the case, when and why (supervisors)")
    public List<AuditView> audit(@PathParam("id") UUID id) {
        return protection.auditTrail(id);
    }
}
