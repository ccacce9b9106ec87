package mx.gob.sre.platform.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The root of every service's exception hierarchy. It carries what the problem+json answer needs and is
 * mapped once, in {@link ProblemMapper}. The message is the problem's detail and must hold no personal
 * data beyond what the caller sent.
 */
public class ApiException extends RuntimeException {

    private final ProblemType type;
    private final List<FieldError> errors;
    private final Map<String, Object> extensions = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();

    public ApiException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    public ApiException(ProblemType type, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    public ProblemType type() {
        return type;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }

    public Map<String, String> headers() {
        return headers;
    }

    /** Adds a top-level member to the problem document, e.g. {@code existing} for a conflict. */
    public ApiException with(String member, Object value) {
        extensions.put(member, value);
        return this;
    }

    public ApiException withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public static ApiException notFound(String what) {
        return new ApiException(ProblemType.NOT_FOUND, what + " was not found");
    }

    public static ApiException conflict(String detail) {
        return new ApiException(ProblemType.CONFLICT, detail);
    }

    public static ApiException invalid(String field, String message) {
        return new ApiException(ProblemType.VALIDATION, field + " " + message, List.of(new FieldError(field, message)));
    }

    /** A business rule refused the request; {@code rule} is a stable identifier clients can act on. */
    public static ApiException rule(String rule, String detail) {
        return new ApiException(ProblemType.RULE_VIOLATION, detail).with("rule", rule);
    }
}
