package mx.gob.sre.platform.problem;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem document. Extension members (for example {@code existing} on a conflict) are
 * serialized at the top level.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "requestId", "errors"})
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(
        @Schema(examples = "https://consular.sre.gob.mx/problems/validation") String type,
        @Schema(examples = "The request is not valid") String title,
        @Schema(examples = "400") int status,
        String detail,
        @Schema(examples = "/citizens") String instance,
        @Schema(description = "The X-Request-Id of the failed request") String requestId,
        @Schema(description = "One entry per invalid field") List<FieldError> errors,
        @Schema(hidden = true) Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";

    @JsonAnyGetter
    @Override
    public Map<String, Object> extensions() {
        return extensions;
    }
}
