package mx.gob.sre.consular.appointment;

import java.time.LocalDate;
import java.util.List;

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

import io.quarkus.security.Authenticated;

import mx.gob.sre.consular.appointment.AppointmentApi.AppointmentView;
import mx.gob.sre.consular.appointment.AppointmentApi.Availability;
import mx.gob.sre.platform.security.Roles;

/** The appointment views of one consulate: free slots, and the day's agenda for its staff. */
@Path("/consulates/{code}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Appointments")
public class ConsulateAppointmentsResource {

    static final String CODE = "[A-Za-z]{3,8}";
    static final String SERVICE = "[A-Z_]{3,32}";

    @Inject
    AppointmentService appointments;

    @GET
    @Path("/availability")
    @Authenticated
    @Operation(operationId = "getAvailability", summary = "Free appointment slots of a consulate",
            description = "Slots come from the consulate's opening hours in its own time zone (correct across "
                    + "DST changes), skip its holidays, and show their remaining seats. Dates are local dates of "
                    + "the consulate; the range is at most 31 days and defaults to the next 14.")
    public Availability availability(@PathParam("code") @Pattern(regexp = CODE) String code,
            @QueryParam("service") @NotNull @Pattern(regexp = SERVICE) @Parameter(example = "PASSPORT") String service,
            @QueryParam("from") @Parameter(example = "2026-12-07") LocalDate from,
            @QueryParam("to") @Parameter(example = "2026-12-18") LocalDate to) {
        return appointments.availability(code, service, from, to);
    }

    @GET
    @Path("/appointments")
    @RolesAllowed({Roles.CONSULAR_OFFICER, Roles.CONSULATE_SUPERVISOR})
    @Operation(operationId = "getAgenda", summary = "A consulate's appointments of one local day, for its staff")
    public List<AppointmentView> agenda(@PathParam("code") @Pattern(regexp = CODE) String code,
            @QueryParam("date") @NotNull @Parameter(example = "2026-12-07") LocalDate date) {
        return appointments.agenda(code, date);
    }
}
