package mx.gob.sre.consular.arco;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class ArcoApi {

    private ArcoApi() {
    }

    @Schema(name = "FileArcoRequest")
    public record FileRequest(
            @NotNull ArcoRequest.Type type,
            @Size(max = 2000) @Schema(examples = "My address in the record is out of date") String details) {
    }

    @Schema(name = "AnswerArcoRequest")
    public record Answer(
            @NotNull @Schema(description = "ANSWERED or REJECTED") ArcoRequest.Status status,
            @NotBlank @Size(max = 2000) String answer) {
    }

    @Schema(name = "ArcoRequest")
    public record ArcoView(UUID id, String curp, ArcoRequest.Type type, String details, ArcoRequest.Status status,
            Instant receivedAt, @Schema(description = "Legal deadline, counted in working days") LocalDate dueOn,
            boolean overdue, Instant answeredAt, String answer,
            @Schema(description = "For ACCESS: where the export of the person's data is") String export) {

        static ArcoView of(ArcoRequest r) {
            boolean open = r.status == ArcoRequest.Status.RECEIVED;
            boolean overdue = open && LocalDate.now(ArcoService.MEXICO_CITY).isAfter(r.dueOn);
            String export = r.type == ArcoRequest.Type.ACCESS
                    ? "citizens/" + r.curp + "/arco-requests/" + r.id + "/export" : null;
            return new ArcoView(r.id, r.curp, r.type, r.details, r.status, r.receivedAt, r.dueOn, overdue,
                    r.answeredAt, r.answer, export);
        }
    }
}
