package mx.gob.sre.consular.timeline;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import mx.gob.sre.platform.security.Roles;

@Path("/citizens/{curp}/timeline")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Citizens")
public class TimelineResource {

    @Inject
    TimelineService timeline;

    @GET
    @RolesAllowed({Roles.CITIZEN, Roles.CONSULAR_OFFICER, Roles.CONSULATE_SUPERVISOR})
    @Operation(operationId = "getTimeline", summary = "Every procedure of a citizen across the suite, newest first",
            description = "Appointments, visits and procedures here; the voter card; scholarship and contest events. "
                    + "The mobile app's main screen. Only the citizen and their consulate's staff see it.")
    public TimelineService.Page get(@PathParam("curp") @Pattern(regexp = "[A-Za-z0-9]{18}") String curp,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
            @QueryParam("cursor") @Size(max = 200) String cursor) {
        return timeline.read(curp, limit, cursor);
    }
}
