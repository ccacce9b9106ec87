package mx.gob.sre.platform.web;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.arc.properties.UnlessBuildProperty;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Reads a JSON request body on the event loop, before the request is handed to a worker thread.
 *
 * <p>The services' endpoints are blocking (JDBC), so Quarkus REST runs them on worker threads, and for
 * those it reads the body there: the worker asks the event loop for the bytes and waits, twice per
 * request (for the bytes, then for their end). In the booking benchmark's CPU profile that was 8% of
 * consular-service's time, most of it threads waking each other. Once a body is read here, Quarkus REST
 * parses it from memory ({@code RoutingContext.body()}).
 *
 * <p>Only bodies that declare a JSON media type and a Content-Length within
 * {@code quarkus.http.limits.max-body-size} are read ahead: anything else (chunked, forms, files) takes
 * Quarkus's own path, with its own limit and errors, unchanged. The gateway turns this off
 * ({@code platform.http.read-json-bodies-ahead=false}): it streams bodies through to the services.
 */
@ApplicationScoped
@UnlessBuildProperty(name = "platform.http.read-json-bodies-ahead", stringValue = "false", enableIfMissing = true)
public class JsonBodies {

    void register(@Observes Router router,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize limit) {
        long maximum = limit.asLongValue();
        // No buffer is allocated from the declared length: a caller that declares 1 MB and sends nothing
        // must not cost 1 MB.
        BodyHandler reader = BodyHandler.create(false).setBodyLimit(maximum);
        router.route().order(Integer.MIN_VALUE + 20).handler(context -> {
            if (readAhead(context.request(), maximum)) {
                context.request().resume();
                reader.handle(context);
            } else {
                context.next();
            }
        });
    }

    /** True for a POST, PUT or PATCH with a JSON body of a declared length within the limit. */
    static boolean readAhead(HttpServerRequest request, long maximum) {
        HttpMethod method = request.method();
        if (method != HttpMethod.POST && method != HttpMethod.PUT && method != HttpMethod.PATCH) {
            return false;
        }
        return isJson(request.getHeader(HttpHeaders.CONTENT_TYPE))
                && declaredLength(request.getHeader(HttpHeaders.CONTENT_LENGTH), maximum);
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int parameters = contentType.indexOf(';');
        String type = (parameters < 0 ? contentType : contentType.substring(0, parameters)).trim()
                .toLowerCase(Locale.ROOT);
        return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
    }

    static boolean declaredLength(String contentLength, long maximum) {
        if (contentLength == null) {
            return false;
        }
        try {
            long length = Long.parseLong(contentLength.trim());
            return length > 0 && length <= maximum;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
