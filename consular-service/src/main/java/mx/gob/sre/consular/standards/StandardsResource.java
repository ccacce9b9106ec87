package mx.gob.sre.consular.standards;

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

@Path("/consulates/{code}/service-standards")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Service standards")
public class StandardsResource {

    @Inject
    StandardsService standards;

    @GET
    @RolesAllowed({Roles.CONSULAR_OFFICER, Roles.CONSULATE_SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "getServiceStandards", summary = "The office's customer-service figures and certification",
            description = "Appointments, walk-ins and the no-show rate; median and p90 wait from check-in to call; "
                    + "the share served within the target wait; the share of procedures resolved within their "
                    + "statutory limit; survey averages; and pass or fail against the configured thresholds, with "
                    + "the reason for each fail. Dates are the consulate's local dates, both included.")
    public ServiceStandards get(@PathParam("code") @Pattern(regexp = "[A-Za-z]{3,8}") String code,
            @QueryParam("from") @NotNull @Parameter(example = "2026-11-01") LocalDate from,
            @QueryParam("to") @NotNull @Parameter(example = "2026-11-30") LocalDate to) {
        return standards.compute(code, from, to);
    }
}
