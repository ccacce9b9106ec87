package mx.gob.sre.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class VerifiedTokenCacheTest {

    private static final long NOW = 1_800_000_000L;

    @Test
    void aRememberedTokenIsUsedOnlyBeforeItsExpiry() {
        JsonWebToken token = token(NOW - 10, NOW + 60);
        assertThat(VerifiedTokenCache.stillValid(token, NOW, null)).isTrue();
        assertThat(VerifiedTokenCache.stillValid(token, NOW + 59, null)).isTrue();
        assertThat(VerifiedTokenCache.stillValid(token, NOW + 60, null)).isFalse();
        assertThat(VerifiedTokenCache.stillValid(token, NOW + 3600, null)).isFalse();
    }

    @Test
    void aRememberedTokenIsUsedOnlyWithinTheMaximumAge() {
        JsonWebToken token = token(NOW - 290, NOW + 3600);
        assertThat(VerifiedTokenCache.stillValid(token, NOW, 300L)).isTrue();
        assertThat(VerifiedTokenCache.stillValid(token, NOW + 10, 300L)).isFalse();
    }

    private static JsonWebToken token(long issuedAt, long expiresAt) {
        Map<String, Object> claims = Map.of("iat", issuedAt, "exp", expiresAt, "sub", "officer");
        return new JsonWebToken() {
            @Override
            public String getName() {
                return "officer";
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String name) {
                return (T) claims.get(name);
            }
        };
    }
}
