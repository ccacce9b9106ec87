package mx.gob.sre.voter.citizen;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import mx.gob.sre.platform.security.Roles;

@Path("/citizens")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Eligibility")
public class EligibilityResource {

    @Inject
    EligibilityService service;

    @GET
    @Path("/{curp}/eligibility")
    @RolesAllowed({Roles.CITIZEN, Roles.CONSULAR_OFFICER, Roles.CONSULATE_SUPERVISOR})
    @Operation(operationId = "getEligibility", summary = "Pre-check a registered citizen for a voter card",
            description = "Whether the citizen, as registered with a consulate, is old enough for the next election "
                    + "and can still apply before its cut-off. A citizen sees only their own; staff see citizens of "
                    + "their consulate; anyone else gets 404.")
    public EligibilityService.Eligibility get(@PathParam("curp") @Pattern(regexp = "[A-Za-z0-9]{18}") String curp) {
        return service.check(curp);
    }
}
