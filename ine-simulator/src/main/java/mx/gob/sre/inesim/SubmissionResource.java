package mx.gob.sre.inesim;

import java.time.Instant;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** INE's submission endpoint: signed, recent, idempotent on the folio. */
@Path("/submissions")
public class SubmissionResource {

    @Inject
    SimulatorConfig config;

    @Inject
    IneDesk desk;

    @Inject
    FailureMode failure;

    @Inject
    ObjectMapper json;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response submit(@HeaderParam("X-INE-Timestamp") String timestamp,
            @HeaderParam("X-INE-Signature") String signature, String body) throws Exception {
        FailureMode.State state = failure.state();
        if (state.mode() == FailureMode.Mode.SLOW) {
            Thread.sleep(state.delayMillis());
        }
        if (!Signature.valid(config.submissionSecret(), timestamp, body, signature)) {
            return problem(401, "The signature is not valid");
        }
        try {
            if (Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) > 300) {
                return problem(401, "The timestamp is stale");
            }
        } catch (NumberFormatException e) {
            return problem(401, "The timestamp is not a number");
        }
        JsonNode submission = json.readTree(body);
        String folio = submission.path("folio").asText("");
        if (folio.isBlank()) {
            return problem(400, "folio is required");
        }
        boolean started = desk.receive(folio, submission.path("kind").asText("INITIAL"));
        return Response.accepted(Map.of("folio", folio, "status", started ? "RECEIVED" : "ALREADY_RECEIVED")).build();
    }

    private static Response problem(int status, String title) {
        return Response.status(status).type("application/problem+json")
                .entity(Map.of("title", title, "status", status)).build();
    }
}
