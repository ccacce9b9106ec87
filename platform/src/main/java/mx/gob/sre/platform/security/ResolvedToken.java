package mx.gob.sre.platform.security;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A verified token whose claims are read once, when it is verified, instead of at every use.
 *
 * <p>smallrye-jwt's principal looks each claim name up among the standard claims with
 * {@code Claims.valueOf}, which throws (and fills a stack trace) for every custom claim: the consulate,
 * the CURP, the client id. {@link Caller} reads those on most requests, and in the booking benchmark's
 * CPU profile the exceptions were 3% of consular-service's time. The values here are the ones the
 * principal returned, so callers see the same types (claim values are immutable).
 */
final class ResolvedToken implements JsonWebToken {

    private final String name;
    private final String rawToken;
    private final Set<String> claimNames;
    private final Set<String> groups;
    private final Set<String> audience;
    private final Map<String, Object> claims;

    private ResolvedToken(JsonWebToken token) {
        name = token.getName();
        rawToken = token.getRawToken();
        claimNames = Set.copyOf(token.getClaimNames());
        groups = token.getGroups() == null ? null : Set.copyOf(token.getGroups());
        audience = token.getAudience() == null ? null : Set.copyOf(token.getAudience());
        Map<String, Object> values = new HashMap<>();
        for (String claim : claimNames) {
            Object value = token.getClaim(claim);
            if (value != null) {
                values.put(claim, value);
            }
        }
        claims = Map.copyOf(values);
    }

    static JsonWebToken of(JsonWebToken token) {
        return token instanceof ResolvedToken ? token : new ResolvedToken(token);
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public Set<String> getClaimNames() {
        return claimNames;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String claimName) {
        if (Claims.raw_token.name().equals(claimName)) {
            return (T) rawToken;
        }
        return (T) claims.get(claimName);
    }

    @Override
    public String getRawToken() {
        return rawToken;
    }

    @Override
    public Set<String> getGroups() {
        return groups;
    }

    @Override
    public Set<String> getAudience() {
        return audience;
    }

    /** No claim values: they may be personal data. */
    @Override
    public String toString() {
        return "JsonWebToken[" + claimNames.size() + " claims]";
    }
}
