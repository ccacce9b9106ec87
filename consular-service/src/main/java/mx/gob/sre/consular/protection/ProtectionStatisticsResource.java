package mx.gob.sre.consular.protection;

import java.time.LocalDate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import mx.gob.sre.platform.security.Roles;

@Path("/consulates/{code}/protection-statistics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Protection cases")
public class ProtectionStatisticsResource {

    @Inject
    ProtectionStatistics statistics;

    @GET
    @RolesAllowed({Roles.CONSULATE_SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "getProtectionStatistics", summary = "De-identified case counts of a consulate and period",
            description = "Counts by channel, kind of violence and risk level. Any count under 5 is suppressed. "
                    + "This is the only protection data that leaves the service.")
    public ProtectionStatistics.Statistics get(@PathParam("code") @Pattern(regexp = "[A-Za-z]{3,8}") String code,
            @QueryParam("from") @NotNull @Parameter(example = "2026-01-01") LocalDate from,
            @QueryParam("to") @NotNull @Parameter(example = "2026-12-31") LocalDate to) {
        return statistics.compute(code, from, to);
    }
}
