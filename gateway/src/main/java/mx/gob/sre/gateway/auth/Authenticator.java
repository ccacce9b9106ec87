package mx.gob.sre.gateway.auth;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import mx.gob.sre.platform.cache.Caches;
import mx.gob.sre.platform.security.Roles;

/**
 * Checks every credential a request carries. User tokens are OIDC JWTs verified against the issuer's
 * JWKS (issuer, audience, expiry, RS256 only) by smallrye-jwt, with the standard mp.jwt settings, so the
 * same configuration works with Keycloak. API keys are checked against {@link ApiKeyStore}.
 */
@ApplicationScoped
public class Authenticator {

    public static final String API_KEY_HEADER = "X-Api-Key";
    /** {@link #API_KEY_HEADER} as a Netty AsciiString, hashed once for every lookup and removal. */
    public static final CharSequence API_KEY = HttpHeaders.createOptimized(API_KEY_HEADER);

    /** Roles a user token may carry; anything else in the token is ignored. */
    public static final Set<String> USER_ROLES = Set.of(Roles.CITIZEN, Roles.CONSULAR_OFFICER,
            Roles.PROTECTION_OFFICER, Roles.CONSULATE_SUPERVISOR, Roles.IME_COMMITTEE_MEMBER, Roles.ADMIN);

    /** Roles only an API client may hold. */
    public static final Set<String> CLIENT_ROLES = Set.of(Roles.INSTITUTION, Roles.SUPPORT_PARTNER, Roles.INE,
            Roles.MOBILE_BACKEND);

    /** Why authentication failed; the detail goes into the 401 problem. */
    public static final class Rejected extends RuntimeException {
        public Rejected(String detail) {
            super(detail, null, false, false);
        }
    }

    /** A verified user token: the principal of its calls without an API key (built once, not per request). */
    private record VerifiedUser(GatewayPrincipal alone, long expiresAt) {
    }

    @Inject
    JWTParser parser;

    @Inject
    ApiKeyStore keys;

    @Inject
    Vertx vertx;

    private final Cache<String, VerifiedUser> verified = Caches.builder()
            .maximumSize(50_000)
            .expireAfterWrite(Duration.ofMinutes(5))
            .build();

    public Future<GatewayPrincipal> authenticate(HttpServerRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        String apiKey = request.getHeader(API_KEY);
        if (authorization == null && apiKey == null) {
            return Future.failedFuture(new Rejected("A bearer token or an API key is required"));
        }
        ApiClientRecord client = null;
        if (apiKey != null) {
            client = keys.authenticate(apiKey).orElse(null);
            if (client == null) {
                return Future.failedFuture(new Rejected("The API key is unknown, expired or revoked"));
            }
        }
        if (authorization == null) {
            return Future.succeededFuture(forClient(client));
        }
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7) || authorization.length() > 8192) {
            return Future.failedFuture(new Rejected("The Authorization header must be a bearer token"));
        }
        ApiClientRecord onBehalfOf = client;
        // Keyed by the whole header as it came: a hit needs no copy of the token.
        VerifiedUser cached = verified.getIfPresent(authorization);
        if (cached != null) {
            return cached.expiresAt() > System.currentTimeMillis() / 1000
                    ? Future.succeededFuture(forUser(cached, onBehalfOf))
                    : Future.failedFuture(new Rejected("The bearer token is invalid or expired"));
        }
        // Verification may fetch the issuer's JWKS, so it runs off the event loop.
        return vertx.executeBlocking(() -> verify(authorization), false).map(user -> forUser(user, onBehalfOf));
    }

    private VerifiedUser verify(String authorization) {
        JsonWebToken jwt;
        try {
            jwt = parser.parse(authorization.substring(7).trim());
        } catch (ParseException e) {
            throw new Rejected("The bearer token is invalid or expired");
        }
        Set<String> roles = new HashSet<>(jwt.getGroups() == null ? Set.of() : jwt.getGroups());
        roles.retainAll(USER_ROLES);
        VerifiedUser user = new VerifiedUser(new GatewayPrincipal(jwt.getSubject(), Set.copyOf(roles),
                stringClaim(jwt, "consulate"), stringClaim(jwt, "curp"), null, Set.of(), true, null),
                jwt.getExpirationTime());
        verified.put(authorization, user);
        return user;
    }

    private static String stringClaim(JsonWebToken jwt, String name) {
        Object value = jwt.getClaim(name);
        if (value == null) {
            return null;
        }
        return value instanceof jakarta.json.JsonString json ? json.getString() : value.toString();
    }

    private static GatewayPrincipal forClient(ApiClientRecord client) {
        return new GatewayPrincipal(client.clientId(), Set.of(client.role()), client.consulate(), null,
                client.clientId(), client.scopes(), false, client);
    }

    private static GatewayPrincipal forUser(VerifiedUser user, ApiClientRecord client) {
        GatewayPrincipal alone = user.alone();
        if (client == null) {
            return alone;
        }
        return new GatewayPrincipal(alone.subject(), alone.roles(), alone.consulate(), alone.curp(), client.clientId(),
                client.scopes(), true, client);
    }
}
