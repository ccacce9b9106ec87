package mx.gob.sre.gateway;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import mx.gob.sre.gateway.auth.Authenticator;
import mx.gob.sre.gateway.auth.GatewayPrincipal;
import mx.gob.sre.gateway.auth.InternalTokenIssuer;
import mx.gob.sre.gateway.limit.RateLimiter;
import mx.gob.sre.gateway.proxy.UpstreamProxies;
import mx.gob.sre.platform.problem.ProblemType;
import mx.gob.sre.platform.web.RequestIds;

/**
 * The front door for {@code /api/**}: route, check size, authenticate, authorize coarsely, rate-limit,
 * swap the caller's credential for a short-lived internal token, and stream the request to its upstream.
 */
@ApplicationScoped
public class GatewayHandler {

    // Header names the gateway sets on every request, as Netty's AsciiString: their hash codes are computed
    // once, not on every set (the names' hashing was ~3% of the gateway's CPU at full load; bench/README.md).
    private static final CharSequence REQUEST_ID = HttpHeaders.createOptimized(RequestIds.HEADER);
    private static final CharSequence FORWARDED_FOR = HttpHeaders.createOptimized("X-Forwarded-For");
    private static final CharSequence FORWARDED_PROTO = HttpHeaders.createOptimized("X-Forwarded-Proto");
    private static final CharSequence FORWARDED_HOST = HttpHeaders.createOptimized("X-Forwarded-Host");
    private static final CharSequence FORWARDED_PREFIX = HttpHeaders.createOptimized("X-Forwarded-Prefix");
    private static final CharSequence RATE_LIMIT_LIMIT = HttpHeaders.createOptimized("RateLimit-Limit");
    private static final CharSequence RATE_LIMIT_REMAINING = HttpHeaders.createOptimized("RateLimit-Remaining");
    private static final CharSequence RATE_LIMIT_RESET = HttpHeaders.createOptimized("RateLimit-Reset");

    @Inject
    Routes routes;

    @Inject
    Authenticator authenticator;

    @Inject
    InternalTokenIssuer tokens;

    @Inject
    RateLimiter rateLimiter;

    @Inject
    UpstreamProxies proxies;

    @Inject
    AccessLog accessLog;

    /**
     * Where {@code /api} leaves Quarkus's router: after the request id (order {@code MIN_VALUE + 10}) and the
     * CORS filter (-300), before Quarkus's own authentication (-200) and authorization (-100) handlers and
     * Quarkus REST's metrics-template handler, which serve the admin API only. Those three cost every proxied
     * request an identity promise with its captured context and a request mapper built anew (bench/README.md).
     */
    static final int ORDER = -250;

    void register(@Observes Router router) {
        router.route("/api/*").order(ORDER).handler(this::handle);
    }

    void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        request.pause();
        String requestId = context.get(RequestIds.MDC_KEY);
        AccessLog.Entry log = accessLog.start(context);

        String path = request.path();
        if (!path.equals(context.normalizedPath()) || path.contains("%2") || path.contains("%5") || path.contains("\\")) {
            reject(context, ProblemType.MALFORMED, "The path is not in canonical form", requestId);
            return;
        }
        Routes.Match match = routes.find(request.method(), path);
        if (match == null) {
            reject(context, ProblemType.NOT_FOUND, "No API is published at this path", requestId);
            return;
        }
        log.route(match.name());

        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && tooLarge(length, match.maxBodyBytes())) {
            context.response().putHeader(HttpHeaders.CONNECTION, "close");
            reject(context, ProblemType.PAYLOAD_TOO_LARGE,
                    "The body is larger than the " + match.maxBodyBytes() + " bytes this route accepts", requestId);
            return;
        }

        authenticator.authenticate(request).onComplete(result -> {
            if (result.failed()) {
                String detail = result.cause() instanceof Authenticator.Rejected
                        ? result.cause().getMessage() : "The credential could not be verified";
                context.response().putHeader("WWW-Authenticate", "Bearer, ApiKey");
                reject(context, ProblemType.UNAUTHENTICATED, detail, requestId);
                return;
            }
            GatewayPrincipal principal = result.result();
            log.client(principal.clientKey(), principal.meteredClient());
            String refusal = refusal(match, principal, request);
            if (refusal != null) {
                reject(context, ProblemType.FORBIDDEN, refusal, requestId);
                return;
            }
            RateLimiter.Decision decision = rateLimiter.check(match, principal);
            rateLimitHeaders(context.response(), decision);
            if (!decision.allowed()) {
                context.response().putHeader(HttpHeaders.RETRY_AFTER, String.valueOf(decision.retryAfterSeconds()));
                reject(context, ProblemType.RATE_LIMITED, "Rate limit reached; retry after "
                        + decision.retryAfterSeconds() + " s", requestId);
                return;
            }
            forward(context, match, principal, requestId);
        });
    }

    /** The coarse check: null when allowed, else why not. Object-level checks happen in the services. */
    static String refusal(Routes.Match match, GatewayPrincipal principal, HttpServerRequest request) {
        if (principal.hasUser()) {
            if (principal.roles().isEmpty()) {
                return "The token carries no role of this suite";
            }
            if (!anyOf(principal.roles(), match.userRoles())) {
                return "This route is not open to the caller's role";
            }
        } else if (!match.clientRoles().contains(principal.client().role())) {
            return "This route is not open to the client's role";
        }
        if (principal.hasClient()) {
            String scope = match.requiredScope(request.method());
            if (!principal.scopes().contains(scope)) {
                return "The API client lacks the scope " + scope;
            }
        }
        return null;
    }

    private static boolean anyOf(Set<String> held, Set<String> allowed) {
        for (String role : held) {
            if (allowed.contains(role)) {
                return true;
            }
        }
        return false;
    }

    private void forward(RoutingContext context, Routes.Match match, GatewayPrincipal principal, String requestId) {
        HttpServerRequest request = context.request();
        var headers = request.headers();
        headers.set(HttpHeaders.AUTHORIZATION, tokens.authorizationFor(principal));
        headers.remove(Authenticator.API_KEY);
        headers.remove(HttpHeaders.COOKIE);
        headers.set(REQUEST_ID, requestId);
        headers.set(TraceContext.HEADER, TraceContext.childOf(headers.get(TraceContext.HEADER)));
        headers.set(FORWARDED_FOR, request.remoteAddress() == null ? "unknown" : request.remoteAddress().host());
        headers.set(FORWARDED_PROTO, request.scheme());
        headers.set(FORWARDED_HOST, request.authority() == null ? "localhost" : request.authority().toString());
        headers.set(FORWARDED_PREFIX, match.upstream().mount());
        proxies.forward(request, match);
    }

    private static void rateLimitHeaders(HttpServerResponse response, RateLimiter.Decision decision) {
        if (decision.limit() < 0) {
            return;
        }
        response.putHeader(RATE_LIMIT_LIMIT, String.valueOf(decision.limit()));
        response.putHeader(RATE_LIMIT_REMAINING, String.valueOf(decision.remaining()));
        response.putHeader(RATE_LIMIT_RESET, String.valueOf(decision.resetSeconds()));
    }

    private static boolean tooLarge(String contentLength, long limit) {
        try {
            return Long.parseLong(contentLength.trim()) > limit;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private static void reject(RoutingContext context, ProblemType type, String detail, String requestId) {
        ProblemBodies.send(context.response(), type, detail, context.request().path(), requestId);
    }

}
