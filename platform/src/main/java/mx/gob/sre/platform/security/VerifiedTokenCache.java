package mx.gob.sre.platform.security;

import java.time.Duration;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;

import com.github.benmanes.caffeine.cache.Cache;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import mx.gob.sre.platform.cache.Caches;

/**
 * smallrye-jwt's parser, remembering the tokens it has verified. The gateway forwards the same internal
 * token for a caller for minutes, and verifying it (JSON, base64, an RSA signature) was a tenth of a
 * booking's CPU in the booking benchmark. The key is the whole token, signature included, so only a
 * byte-identical token hits; a hit is used only while the token is still inside its expiry and the
 * configured maximum age, checked at each use, and for at most a minute after it was verified. Anything
 * else, and every failure, goes through the full verification. A verified token's claims are read once
 * ({@link ResolvedToken}).
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokenCache extends DefaultJWTParser {

    @Inject
    JWTAuthContextInfo settings;

    private final Cache<String, JsonWebToken> verified = Caches.builder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(1))
            .build();

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken hit = verified.getIfPresent(token);
        if (hit != null && stillValid(hit, System.currentTimeMillis() / 1000, settings.getTokenAge())) {
            return hit;
        }
        JsonWebToken fresh = ResolvedToken.of(super.parse(token));
        verified.put(token, fresh);
        return fresh;
    }

    static boolean stillValid(JsonWebToken token, long nowSeconds, Long maxAgeSeconds) {
        if (token.getExpirationTime() <= nowSeconds) {
            return false;
        }
        return maxAgeSeconds == null || token.getIssuedAtTime() + maxAgeSeconds > nowSeconds;
    }
}
