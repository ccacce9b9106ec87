package mx.gob.sre.gateway.openapi;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Cache;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.common.annotation.Blocking;
import mx.gob.sre.gateway.GatewayConfig;
import mx.gob.sre.platform.cache.Caches;
import mx.gob.sre.platform.problem.ApiException;
import mx.gob.sre.platform.problem.ProblemType;

/**
 * Serves each service's OpenAPI document as callers see it through the gateway: its server is the
 * gateway mount, and its security schemes are the gateway's (bearer token or API key), not the internal
 * token. Swagger UI on the gateway lists them all.
 */
@Path("/openapi")
@Tag(name = "API documents")
@PermitAll
public class OpenApiAggregator {

    @Inject
    GatewayConfig config;

    @Inject
    ObjectMapper mapper;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Cache<String, String> documents = Caches.builder()
            .expireAfterWrite(Duration.ofMinutes(1)).build();

    @GET
    @Path("/{upstream}")
    @Produces(MediaType.APPLICATION_JSON)
    @Blocking
    @Operation(operationId = "getServiceOpenApi", summary = "A service's OpenAPI document, as seen through the gateway")
    public String document(@PathParam("upstream") String upstream) {
        GatewayConfig.Upstream settings = config.upstreams().get(upstream);
        if (settings == null) {
            throw ApiException.notFound("API document " + upstream);
        }
        String cached = documents.getIfPresent(upstream);
        if (cached != null) {
            return cached;
        }
        String document = rewrite(fetch(settings.url() + "/q/openapi?format=json"), settings.mount());
        documents.put(upstream, document);
        return document;
    }

    private String fetch(String url) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new ApiException(ProblemType.UNAVAILABLE, "The service's API document is unavailable");
            }
            return response.body();
        } catch (java.io.IOException e) {
            throw new ApiException(ProblemType.UNAVAILABLE, "The service's API document is unavailable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(ProblemType.UNAVAILABLE, "Interrupted");
        }
    }

    String rewrite(String json, String mount) {
        try {
            ObjectNode root = (ObjectNode) mapper.readTree(json);
            ArrayNode servers = root.putArray("servers");
            servers.addObject().put("url", mount).put("description", "Through the gateway");
            ObjectNode components = root.has("components") ? (ObjectNode) root.get("components")
                    : root.putObject("components");
            ObjectNode schemes = components.putObject("securitySchemes");
            schemes.putObject("bearerAuth").put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT")
                    .put("description", "OIDC access token of a user (consular staff or citizen)");
            schemes.putObject("apiKey").put("type", "apiKey").put("in", "header").put("name", "X-Api-Key")
                    .put("description", "API key of a machine client (partner agency, institution, INE, app backend)");
            ArrayNode security = root.putArray("security");
            security.addObject().putArray("bearerAuth");
            security.addObject().putArray("apiKey");
            ObjectNode both = security.addObject();
            both.putArray("bearerAuth");
            both.putArray("apiKey");
            removeOperationSecurity(root.get("paths"));
            return mapper.writeValueAsString(root);
        } catch (java.io.IOException e) {
            throw new ApiException(ProblemType.UNAVAILABLE, "The service's API document cannot be read");
        }
    }

    private static void removeOperationSecurity(JsonNode paths) {
        if (paths == null) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> pathIt = paths.fields(); pathIt.hasNext();) {
            for (Iterator<Map.Entry<String, JsonNode>> opIt = pathIt.next().getValue().fields(); opIt.hasNext();) {
                JsonNode operation = opIt.next().getValue();
                if (operation instanceof ObjectNode node) {
                    node.remove("security");
                }
            }
        }
    }
}
