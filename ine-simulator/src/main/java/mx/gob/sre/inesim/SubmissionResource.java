package mx.gob.sre.inesim;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * INE's submission endpoint as the simulator plays it: it accepts a voter-card submission keyed by its
 * folio, idempotently. The lifecycle (review, production, delivery, callbacks) comes with the voter
 * issue.
 */
@Path("/submissions")
@Produces(MediaType.APPLICATION_JSON)
public class SubmissionResource {

    record Receipt(String folio, String status, Instant receivedAt) {
    }

    private final Map<String, Receipt> received = new ConcurrentHashMap<>();

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submit(JsonNode submission) {
        JsonNode folio = submission == null ? null : submission.get("folio");
        if (folio == null || !folio.isTextual() || folio.asText().isBlank()) {
            return Response.status(400).type("application/problem+json")
                    .entity(Map.of("title", "folio is required", "status", 400)).build();
        }
        Receipt receipt = received.computeIfAbsent(folio.asText(),
                id -> new Receipt(id, "RECEIVED", Instant.now()));
        return Response.accepted(receipt).build();
    }

    @GET
    @Path("/{folio}")
    public Receipt get(@PathParam("folio") String folio) {
        Receipt receipt = received.get(folio);
        if (receipt == null) {
            throw new NotFoundException();
        }
        return receipt;
    }
}
