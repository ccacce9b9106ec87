package mx.gob.sre.gateway;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import mx.gob.sre.platform.problem.Problem;
import mx.gob.sre.platform.problem.ProblemType;

/** problem+json answers the gateway writes itself, outside the REST layer. */
public final class ProblemBodies {

    public static final ProblemType BAD_GATEWAY = ProblemType.of("bad-gateway", "The upstream service failed", 502);
    public static final ProblemType UPSTREAM_TIMEOUT =
            ProblemType.of("upstream-timeout", "The upstream service did not answer in time", 504);

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemBodies() {
    }

    public static Buffer body(ProblemType type, String detail, String instance, String requestId) {
        Problem problem = new Problem(type.uri().toString(), type.title(), type.status(), detail, instance, requestId,
                List.of(), Map.of());
        try {
            return Buffer.buffer(JSON.writeValueAsBytes(problem));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Ends the response with a problem; the request id header is already set by the platform. */
    public static void send(HttpServerResponse response, ProblemType type, String detail, String instance,
            String requestId) {
        if (response.ended() || response.closed()) {
            return;
        }
        response.setStatusCode(type.status())
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(body(type, detail, instance, requestId));
    }
}
