package mx.gob.sre.platform.problem;

/** One invalid input: the JSON path of the field (or the query/path parameter name) and why. */
public record FieldError(String field, String message) {
}
