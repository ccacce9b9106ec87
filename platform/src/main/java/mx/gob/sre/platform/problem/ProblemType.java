package mx.gob.sre.platform.problem;

import java.net.URI;

/**
 * The problem types every service shares. Each has a stable URI documented in docs/problems.md;
 * services add their own with {@link #of(String, String, int)}.
 */
public record ProblemType(URI uri, String title, int status) {

    public static final String BASE = "https://consular.sre.gob.mx/problems/";

    public static final ProblemType VALIDATION = of("validation", "The request is not valid", 400);
    public static final ProblemType MALFORMED = of("malformed-request", "The request body cannot be read", 400);
    public static final ProblemType UNAUTHENTICATED = of("unauthenticated", "Authentication is required", 401);
    public static final ProblemType FORBIDDEN = of("forbidden", "Not allowed for this caller", 403);
    public static final ProblemType NOT_FOUND = of("not-found", "Not found", 404);
    public static final ProblemType METHOD_NOT_ALLOWED = of("method-not-allowed", "Method not allowed", 405);
    public static final ProblemType NOT_ACCEPTABLE = of("not-acceptable", "Not acceptable", 406);
    public static final ProblemType CONFLICT = of("conflict", "Conflict with the current state", 409);
    public static final ProblemType PAYLOAD_TOO_LARGE = of("payload-too-large", "The request body is too large", 413);
    public static final ProblemType UNSUPPORTED_MEDIA_TYPE = of("unsupported-media-type", "Unsupported media type", 415);
    public static final ProblemType RULE_VIOLATION = of("rule-violation", "A business rule refused the request", 422);
    public static final ProblemType IDEMPOTENCY_KEY_REUSED =
            of("idempotency-key-reused", "The Idempotency-Key was used with a different request", 422);
    public static final ProblemType RATE_LIMITED = of("rate-limited", "Too many requests", 429);
    public static final ProblemType INTERNAL = of("internal", "Internal error", 500);
    public static final ProblemType UNAVAILABLE = of("unavailable", "Temporarily unavailable", 503);

    public static ProblemType of(String slug, String title, int status) {
        return new ProblemType(URI.create(BASE + slug), title, status);
    }
}
