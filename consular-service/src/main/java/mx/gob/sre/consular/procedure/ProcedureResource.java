package mx.gob.sre.consular.procedure;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.panache.common.Sort;
import io.quarkus.security.Authenticated;

@Path("/services")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Consulates")
@Authenticated
public class ProcedureResource {

    @Inject
    ProcedureRepository procedures;

    @Schema(name = "Procedure", description = "A procedure of the catalogue, the same in every office")
    public record ProcedureView(
            @Schema(examples = "PASSPORT") String code,
            @Schema(examples = "Passport") String name,
            String description,
            @Schema(description = "Statutory maximum to resolve, in calendar days", examples = "10")
            int maxResolutionDays,
            @Schema(description = "Statutory maximum to ask for missing information, in calendar days",
                    examples = "3") int maxInfoRequestDays,
            @Schema(description = "Target wait at the counter, in minutes", examples = "30") int targetWaitMinutes,
            @Schema(description = "Length of an appointment slot, in minutes", examples = "20") int slotMinutes) {

        public static ProcedureView of(Procedure p) {
            return new ProcedureView(p.code, p.name, p.description, p.maxResolutionDays, p.maxInfoRequestDays,
                    p.targetWaitMinutes, p.slotMinutes);
        }
    }

    @GET
    @Operation(operationId = "listServices", summary = "The procedure catalogue with statutory deadlines")
    public List<ProcedureView> list() {
        return procedures.listAll(Sort.by("code")).stream().map(ProcedureView::of).toList();
    }
}
