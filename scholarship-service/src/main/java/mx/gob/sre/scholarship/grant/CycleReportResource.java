package mx.gob.sre.scholarship.grant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import mx.gob.sre.platform.security.Roles;
import mx.gob.sre.scholarship.grant.GrantApi.CycleReport;

/** A cycle's totals. */
@Path("/cycles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Awards and disbursements")
public class CycleReportResource {

    @Inject
    CycleReports reports;

    @GET
    @Path("/{year}/report")
    @RolesAllowed({Roles.CONSULATE_SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "getCycleReport", summary = "Totals of a cycle by consulate, category and institution",
            description = "Awarded, disbursed (IME) and matching funds, students planned and served, and awards "
                    + "flagged under the 80% rule. IME sees every consulate; a supervisor their own.")
    public CycleReport cycle(@PathParam("year") @Min(2000) @Max(2100) int year) {
        return reports.report(year);
    }
}
