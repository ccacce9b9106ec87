package mx.gob.sre.voter.ine;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.common.annotation.Blocking;
import mx.gob.sre.platform.problem.Problem;
import mx.gob.sre.platform.security.Roles;

@Path("/ine/callbacks")
@Tag(name = "INE integration")
public class IneCallbackResource {

    @Inject
    IneCallbacks callbacks;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.INE)
    @Blocking
    @Operation(operationId = "receiveIneCallback", summary = "INE reports a status change of an application",
            description = "Signed with HMAC-SHA256 over `<X-INE-Timestamp>.<body>` (X-INE-Signature: v1=<hex>). "
                    + "Refused and recorded when the signature is bad, the timestamp is more than 5 minutes off, or a "
                    + "used callback id comes with another body; a repeat of the same callback is acknowledged as "
                    + "DUPLICATE with no second effect. The status goes through the application state machine.")
    @RequestBody(content = @Content(schema = @Schema(implementation = IneCallbacks.Callback.class)))
    @APIResponse(responseCode = "200", description = "Applied or duplicate",
            content = @Content(schema = @Schema(implementation = IneCallbacks.Receipt.class)))
    @APIResponse(responseCode = "409", description = "Replayed id, or a transition the state machine refuses",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public IneCallbacks.Receipt receive(
            @HeaderParam(IneSignature.TIMESTAMP_HEADER) @NotNull @Size(max = 20) String timestamp,
            @HeaderParam(IneSignature.SIGNATURE_HEADER) @NotNull @Size(max = 80) String signature,
            @NotNull @Size(max = 65_536) String body) {
        return callbacks.receive(timestamp, signature, body);
    }
}
