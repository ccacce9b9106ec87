package mx.gob.sre.consular.protection;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import mx.gob.sre.consular.protection.ProtectionApi.PartnerReferralView;
import mx.gob.sre.consular.protection.ProtectionApi.PartnerView;
import mx.gob.sre.consular.protection.ProtectionApi.RegisterPartner;
import mx.gob.sre.platform.problem.Problem;
import mx.gob.sre.platform.security.Roles;

@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Protection cases")
public class SupportPartnerResource {

    @Inject
    PartnerService partners;

    @POST
    @Path("/support-partners")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CONSULATE_SUPERVISOR)
    @Operation(operationId = "registerSupportPartner", summary = "Register an organisation that receives referrals")
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(schema = @Schema(implementation = PartnerView.class)))
    @APIResponse(responseCode = "409", description = "Already registered",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response register(@NotNull @Valid RegisterPartner request) {
        return Response.status(201).entity(partners.register(request)).build();
    }

    @GET
    @Path("/support-partners")
    @RolesAllowed({Roles.PROTECTION_OFFICER, Roles.CONSULATE_SUPERVISOR})
    @Operation(operationId = "listSupportPartners", summary = "The consulate's registered support partners")
    public List<PartnerView> list() {
        return partners.list();
    }

    @GET
    @Path("/referrals")
    @RolesAllowed(Roles.SUPPORT_PARTNER)
    @Operation(operationId = "listMyReferrals", summary = "Referrals addressed to the calling partner",
            description = "Only the fields the survivor consented to share, and only while the consent stands.")
    public List<PartnerReferralView> mine() {
        return partners.myReferrals();
    }

    @GET
    @Path("/referrals/{id}")
    @RolesAllowed(Roles.SUPPORT_PARTNER)
    @Operation(operationId = "getMyReferral", summary = "One referral addressed to the calling partner")
    public PartnerReferralView one(@PathParam("id") UUID id) {
        return partners.myReferral(id);
    }

    @POST
    @Path("/referrals/{id}/acknowledge")
    @RolesAllowed(Roles.SUPPORT_PARTNER)
    @Operation(operationId = "acknowledgeReferral", summary = "Confirm the referral was received")
    public PartnerReferralView acknowledge(@PathParam("id") UUID id) {
        return partners.acknowledge(id);
    }
}
