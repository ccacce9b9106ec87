package mx.gob.sre.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checks that a service's OpenAPI document describes every operation completely: an operationId and a
 * summary, its success answer, its errors as problem+json with an example, and 400 wherever it takes
 * input.
 */
public final class OpenApiAssertions {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    private OpenApiAssertions() {
    }

    public static void assertEveryOperationDocumented(String openApiJson) throws Exception {
        JsonNode root = new ObjectMapper().readTree(openApiJson);
        List<String> gaps = new ArrayList<>();
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                operations++;
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                JsonNode operation = op.getValue();
                if (operation.path("operationId").asText().isEmpty()) {
                    gaps.add(name + ": no operationId");
                }
                if (operation.path("summary").asText().isEmpty()) {
                    gaps.add(name + ": no summary");
                }
                JsonNode responses = operation.path("responses");
                boolean success = false;
                for (Iterator<String> codes = responses.fieldNames(); codes.hasNext();) {
                    String code = codes.next();
                    success |= code.startsWith("2");
                    if (code.startsWith("4") || code.startsWith("5")) {
                        JsonNode problem = responses.path(code).path("content").path("application/problem+json");
                        if (problem.isMissingNode()) {
                            gaps.add(name + ": " + code + " is not problem+json");
                        } else if (problem.path("example").isMissingNode() && problem.path("examples").isMissingNode()) {
                            gaps.add(name + ": " + code + " has no example");
                        }
                    }
                }
                if (!success) {
                    gaps.add(name + ": no success response");
                }
                for (String required : List.of("401", "403", "500")) {
                    if (!responses.has(required)) {
                        gaps.add(name + ": no " + required);
                    }
                }
                boolean takesInput = operation.has("requestBody") || operation.path("parameters").size() > 0;
                if (takesInput && !responses.has("400")) {
                    gaps.add(name + ": takes input but documents no 400");
                }
            }
        }
        assertThat(operations).as("operations in the document").isPositive();
        assertThat(gaps).isEmpty();
    }
}
