package mx.gob.sre.platform.openapi;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import mx.gob.sre.platform.problem.Problem;
import mx.gob.sre.platform.problem.ProblemType;

/**
 * Documents the errors every operation can answer, once for all services: each operation gets the
 * problem+json responses that apply to it (400 when it takes input, 401, 403, 404 for paths with an
 * id, 429, 500, 503), with the Problem schema and an example, unless it documents them itself.
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final String REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents()
                : openAPI.getComponents();
        openAPI.setComponents(components);
        if (components.getSchemas() == null || !components.getSchemas().containsKey("FieldError")) {
            components.addSchema("FieldError", OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                    .addProperty("field", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                            .description("JSON path of the field, or the parameter name"))
                    .addProperty("message", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))));
        }
        if (components.getSchemas() == null || !components.getSchemas().containsKey("Problem")) {
            components.addSchema("Problem", OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                    .description("RFC 9457 problem details")
                    .addProperty("type", string())
                    .addProperty("title", string())
                    .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)))
                    .addProperty("detail", string())
                    .addProperty("instance", string())
                    .addProperty("requestId", string())
                    .addProperty("errors", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                            .items(OASFactory.createSchema().ref("#/components/schemas/FieldError"))));
        }
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            boolean hasId = path.getKey().contains("{");
            if (path.getValue().getOperations() == null) {
                continue;
            }
            for (Operation operation : path.getValue().getOperations().values()) {
                addStandardResponses(operation, hasId);
            }
        }
    }

    private static void addStandardResponses(Operation operation, boolean hasId) {
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses()
                : operation.getResponses();
        operation.setResponses(responses);
        boolean takesInput = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        if (takesInput) {
            add(responses, ProblemType.VALIDATION, "The input is not valid; errors[] names each field");
        }
        add(responses, ProblemType.UNAUTHENTICATED, "No valid credential");
        add(responses, ProblemType.FORBIDDEN, "The caller lacks the role or scope");
        if (hasId) {
            add(responses, ProblemType.NOT_FOUND, "No such object, or the caller may not see it");
        }
        add(responses, ProblemType.RATE_LIMITED, "Rate limit reached; see Retry-After");
        add(responses, ProblemType.INTERNAL, "Unexpected error; quote the requestId");
        add(responses, ProblemType.UNAVAILABLE, "Temporarily unavailable; see Retry-After");
        if (responses.getAPIResponses() != null) {
            responses.getAPIResponses().forEach((code, response) -> {
                if (code.startsWith("4") || code.startsWith("5")) {
                    withExample(response, code);
                }
            });
        }
    }

    /** An operation's own error responses get the problem schema and an example too. */
    private static void withExample(APIResponse response, String code) {
        MediaType media = response.getContent() == null ? null
                : response.getContent().getMediaType(Problem.MEDIA_TYPE);
        if (media == null) {
            response.setContent(problemContent(typeFor(code)));
        } else if (media.getExample() == null && (media.getExamples() == null || media.getExamples().isEmpty())) {
            media.setExample(example(typeFor(code)));
        }
    }

    private static ProblemType typeFor(String code) {
        return switch (code) {
            case "400" -> ProblemType.VALIDATION;
            case "401" -> ProblemType.UNAUTHENTICATED;
            case "403" -> ProblemType.FORBIDDEN;
            case "404" -> ProblemType.NOT_FOUND;
            case "409" -> ProblemType.CONFLICT;
            case "413" -> ProblemType.PAYLOAD_TOO_LARGE;
            case "415" -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            case "422" -> ProblemType.RULE_VIOLATION;
            case "429" -> ProblemType.RATE_LIMITED;
            case "503" -> ProblemType.UNAVAILABLE;
            default -> ProblemType.INTERNAL;
        };
    }

    private static void add(APIResponses responses, ProblemType type, String description) {
        String code = String.valueOf(type.status());
        if (responses.hasAPIResponse(code)) {
            APIResponse existing = responses.getAPIResponse(code);
            if (existing.getContent() == null || existing.getContent().getMediaTypes().isEmpty()) {
                existing.setContent(problemContent(type));
            }
            return;
        }
        responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description)
                .content(problemContent(type)));
    }

    private static Content problemContent(ProblemType type) {
        MediaType media = OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref(REF))
                .example(example(type));
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, media);
    }

    private static Map<String, Object> example(ProblemType type) {
        return Map.of("type", type.uri().toString(), "title", type.title(), "status", type.status(),
                "detail", type.title(), "instance", "/example", "requestId", "2be60d80-4b4a-401f-86d7-e60685354d2c");
    }

    private static Schema string() {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING));
    }
}
