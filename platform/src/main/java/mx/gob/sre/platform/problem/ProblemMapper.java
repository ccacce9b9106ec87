package mx.gob.sre.platform.problem;

import static mx.gob.sre.platform.persistence.ExceptionChains.describeWithoutMessages;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import mx.gob.sre.platform.web.RequestIds;

/**
 * Maps every exception to an RFC 9457 problem+json answer. No stack trace, class name or SQL ever
 * reaches a response body; unexpected failures are logged with their request id.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response api(ApiException e, UriInfo uri) {
        Response.ResponseBuilder builder = respond(e.type(), e.getMessage(), e.errors(), e.extensions(), uri);
        e.headers().forEach(builder::header);
        return builder.build();
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = new ArrayList<>();
        boolean returnValue = false;
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            returnValue |= isReturnValue(violation.getPropertyPath());
            errors.add(new FieldError(fieldOf(violation.getPropertyPath()), violation.getMessage()));
        }
        if (returnValue) {
            LOG.errorf("Response failed its own validation: %s", errors);
            return respond(ProblemType.INTERNAL, "Reference " + RequestIds.current(), List.of(), Map.of(), uri).build();
        }
        errors.sort(Comparator.comparing(FieldError::field));
        String detail = errors.size() == 1 ? errors.get(0).field() + " " + errors.get(0).message()
                : errors.size() + " fields are not valid";
        return respond(ProblemType.VALIDATION, detail, errors, Map.of(), uri).build();
    }

    @ServerExceptionMapper
    public Response unrecognizedProperty(UnrecognizedPropertyException e, UriInfo uri) {
        String field = jsonPath(e);
        return respond(ProblemType.VALIDATION, "Unknown property " + field,
                List.of(new FieldError(field, "is not a known property")), Map.of(), uri).build();
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        String field = jsonPath(e);
        String expected = e.getTargetType() == null ? "another type" : simpleTypeName(e.getTargetType());
        return respond(ProblemType.VALIDATION, field + " has the wrong type",
                List.of(new FieldError(field, "must be " + expected)), Map.of(), uri).build();
    }

    /** Declared for itself: Quarkus REST has its own, non-problem mapper for this subtype. */
    @ServerExceptionMapper
    public Response mismatchedInput(com.fasterxml.jackson.databind.exc.MismatchedInputException e, UriInfo uri) {
        return jsonMapping(e, uri);
    }

    @ServerExceptionMapper
    public Response jsonMapping(JsonMappingException e, UriInfo uri) {
        String field = jsonPath(e);
        if (field.isEmpty()) {
            return respond(ProblemType.MALFORMED, "The body is not the expected JSON document", List.of(), Map.of(), uri)
                    .build();
        }
        return respond(ProblemType.VALIDATION, field + " cannot be read",
                List.of(new FieldError(field, "has the wrong shape or type")), Map.of(), uri).build();
    }

    @ServerExceptionMapper
    public Response jsonProcessing(JsonProcessingException e, UriInfo uri) {
        return respond(ProblemType.MALFORMED, "The body is not well-formed JSON", List.of(), Map.of(), uri).build();
    }

    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return respond(ProblemType.UNAUTHENTICATED, "A valid credential is required", List.of(), Map.of(), uri)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(ProblemType.FORBIDDEN, "The caller lacks the role or scope for this operation", List.of(),
                Map.of(), uri).build();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        ProblemType type = switch (status) {
            case 400 -> ProblemType.MALFORMED;
            case 401 -> ProblemType.UNAUTHENTICATED;
            case 403 -> ProblemType.FORBIDDEN;
            case 404 -> ProblemType.NOT_FOUND;
            case 405 -> ProblemType.METHOD_NOT_ALLOWED;
            case 406 -> ProblemType.NOT_ACCEPTABLE;
            case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
            case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            case 503 -> ProblemType.UNAVAILABLE;
            default -> status >= 500 ? ProblemType.INTERNAL : ProblemType.of("http-" + status, "Request refused", status);
        };
        if (status >= 500) {
            LOG.errorf("Request failed with %d: %s", status, e.getClass().getName());
        }
        Response.ResponseBuilder builder = respond(type, type.title(), List.of(), Map.of(), uri);
        if (status == 405 && e.getResponse().getHeaderString(HttpHeaders.ALLOW) != null) {
            builder.header(HttpHeaders.ALLOW, e.getResponse().getHeaderString(HttpHeaders.ALLOW));
        }
        return builder.build();
    }

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e, UriInfo uri) {
        return respond(ProblemType.CONFLICT, "The object was changed by another request; read it again and retry",
                List.of(), Map.of(), uri).build();
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        if (isDatabaseUnavailable(e)) {
            LOG.warnf("Database unavailable: %s", describeWithoutMessages(e));
            return respond(ProblemType.UNAVAILABLE, "The service cannot reach its database; retry shortly", List.of(),
                    Map.of(), uri).header(HttpHeaders.RETRY_AFTER, "5").build();
        }
        if (isDataException(e)) {
            // SQLState class 22: a value PostgreSQL cannot store, such as a NUL character in text or a number
            // out of range. The request, not the service, is at fault; nothing was written.
            LOG.warnf("Value refused by the database: %s", describeWithoutMessages(e));
            return respond(ProblemType.VALIDATION, "A value cannot be stored: it holds a character (such as NUL) or "
                    + "a number the service does not accept", List.of(), Map.of(), uri).build();
        }
        if (isPersistence(e)) {
            // Database messages can quote the values of a row: log only the shape of the failure.
            LOG.errorf("Unexpected database failure: %s", describeWithoutMessages(e));
        } else {
            LOG.error("Unexpected failure", e);
        }
        return respond(ProblemType.INTERNAL, "Unexpected error; quote reference " + RequestIds.current(), List.of(),
                Map.of(), uri).build();
    }

    static Response.ResponseBuilder respond(ProblemType type, String detail, List<FieldError> errors,
            Map<String, Object> extensions, UriInfo uri) {
        String instance = uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
        Problem problem = new Problem(type.uri().toString(), type.title(), type.status(), detail, instance,
                RequestIds.current(), errors, extensions);
        return Response.status(type.status()).type(Problem.MEDIA_TYPE).entity(problem);
    }

    private static boolean isReturnValue(Path path) {
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.RETURN_VALUE) {
                return true;
            }
        }
        return false;
    }

    /** "create.request.address.country" becomes "address.country"; a bare parameter keeps its name. */
    static String fieldOf(Path path) {
        List<String> names = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : path) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR -> { }
                case PARAMETER -> parameter = node.getName();
                default -> {
                    String name = node.getName();
                    if (name == null) {
                        continue;
                    }
                    if (node.getIndex() != null) {
                        name = name + "[" + node.getIndex() + "]";
                    } else if (node.getKey() != null) {
                        name = name + "[" + node.getKey() + "]";
                    }
                    names.add(name);
                }
            }
        }
        if (names.isEmpty()) {
            return parameter == null ? path.toString() : parameter;
        }
        return String.join(".", names);
    }

    static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String simpleTypeName(Class<?> type) {
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            List<String> names = new ArrayList<>();
            for (Object constant : constants) {
                names.add(((Enum<?>) constant).name());
            }
            return "one of " + names;
        }
        return switch (type.getSimpleName()) {
            case "int", "Integer", "long", "Long", "short", "Short" -> "an integer";
            case "double", "Double", "float", "Float", "BigDecimal" -> "a number";
            case "boolean", "Boolean" -> "true or false";
            case "LocalDate" -> "a date (YYYY-MM-DD)";
            case "Instant", "OffsetDateTime" -> "an ISO 8601 instant (e.g. 2026-01-31T17:00:00Z)";
            case "UUID" -> "a UUID";
            default -> "a valid value";
        };
    }

    static boolean isDatabaseUnavailable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException
                    || cause instanceof org.hibernate.exception.JDBCConnectionException
                    || cause instanceof java.net.ConnectException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                        || state.equals("57P03") || state.equals("40001") || state.equals("40P01")) {
                    return true;
                }
            }
            if (cause.getClass().getName().startsWith("io.agroal") || "Sorry, acquisition timeout!".equals(
                    cause.getMessage())) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    static boolean isDataException(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private static boolean isPersistence(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof PersistenceException || cause instanceof SQLException) {
                return true;
            }
        }
        return false;
    }
}
