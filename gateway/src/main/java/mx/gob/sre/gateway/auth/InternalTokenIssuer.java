package mx.gob.sre.gateway.auth;

import java.security.PrivateKey;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.github.benmanes.caffeine.cache.Cache;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;
import mx.gob.sre.gateway.GatewayConfig;
import mx.gob.sre.platform.cache.Caches;
import mx.gob.sre.platform.security.InternalClaims;

/**
 * Signs the short-lived internal token the services verify. A token is reused for half its lifetime
 * for an equal principal (a record: equal principals sign equal claims), so the gateway does not pay an RSA
 * signature on every request.
 */
@ApplicationScoped
public class InternalTokenIssuer {

    private final GatewayConfig.InternalToken config;
    private final PrivateKey key;
    private final Cache<GatewayPrincipal, String> tokens;

    @Inject
    public InternalTokenIssuer(GatewayConfig gateway) {
        this.config = gateway.internalToken();
        try {
            this.key = KeyUtils.decodePrivateKey(config.privateKey().trim(), SignatureAlgorithm.RS256);
        } catch (Exception e) {
            throw new IllegalStateException("gateway.internal-token.private-key is not an RSA PKCS#8 PEM key", e);
        }
        this.tokens = Caches.builder()
                .maximumSize(100_000)
                .expireAfterWrite(config.lifetime().dividedBy(2))
                .build();
    }

    /** The Authorization header for the upstream call, {@code Bearer} and the token, kept whole with it. */
    public String authorizationFor(GatewayPrincipal principal) {
        return tokens.get(principal, this::authorization);
    }

    private String authorization(GatewayPrincipal principal) {
        return "Bearer " + sign(principal);
    }

    private String sign(GatewayPrincipal principal) {
        long now = System.currentTimeMillis() / 1000;
        JwtClaimsBuilder claims = Jwt.issuer(config.issuer())
                .audience(config.audience())
                .subject(principal.subject())
                .groups(principal.roles())
                .issuedAt(now)
                .expiresAt(now + config.lifetime().toSeconds());
        if (principal.consulate() != null) {
            claims.claim(InternalClaims.CONSULATE, principal.consulate());
        }
        if (principal.curp() != null) {
            claims.claim(InternalClaims.CURP, principal.curp());
        }
        if (principal.clientId() != null) {
            claims.claim(InternalClaims.CLIENT_ID, principal.clientId());
        }
        if (!principal.scopes().isEmpty()) {
            claims.claim(InternalClaims.SCOPE, String.join(" ", new TreeSet<>(principal.scopes())));
        }
        return claims.jws().algorithm(SignatureAlgorithm.RS256).sign(key);
    }
}
