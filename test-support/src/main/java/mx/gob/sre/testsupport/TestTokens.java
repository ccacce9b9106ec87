package mx.gob.sre.testsupport;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Internal tokens as the gateway signs them, for tests that call a service directly. The key pair is
 * made once per test JVM; {@link SuiteInfrastructure} gives the public half to the service.
 */
public final class TestTokens {

    public static final String ISSUER = "https://gateway.consular-suite.internal";
    public static final String AUDIENCE = "consular-suite";

    private static final KeyPair KEYS = generate();

    private TestTokens() {
    }

    public static String publicKeyPem() {
        return pem(KEYS);
    }

    public static PrivateKey privateKey() {
        return KEYS.getPrivate();
    }

    /** PEM of a key pair's public half, as smallrye-jwt reads it from configuration. */
    public static String pem(KeyPair keys) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----";
    }

    public static String citizen(String curp) {
        return token().subject("citizen-" + curp.toLowerCase()).roles("citizen").curp(curp).client("mobile-backend")
                .bearer();
    }

    public static String staff(String role, String consulate) {
        return token().subject(role + "@" + consulate.toLowerCase()).roles(role).consulate(consulate).bearer();
    }

    public static String client(String clientId, String role, String... scopes) {
        return token().subject(clientId).roles(role).client(clientId).scopes(scopes).bearer();
    }

    public static Builder token() {
        return new Builder();
    }

    /** A fluent internal-token builder; defaults are a valid five-minute token. */
    public static final class Builder {
        private String subject = "test-user";
        private final Set<String> roles = new LinkedHashSet<>();
        private String consulate;
        private String curp;
        private String clientId;
        private List<String> scopes = List.of();
        private String issuer = ISSUER;
        private String audience = AUDIENCE;
        private long expiresIn = 300;
        private PrivateKey key = KEYS.getPrivate();

        public Builder subject(String value) {
            subject = value;
            return this;
        }

        public Builder roles(String... values) {
            roles.addAll(List.of(values));
            return this;
        }

        public Builder consulate(String value) {
            consulate = value;
            return this;
        }

        public Builder curp(String value) {
            curp = value;
            return this;
        }

        public Builder client(String value) {
            clientId = value;
            return this;
        }

        public Builder scopes(String... values) {
            scopes = List.of(values);
            return this;
        }

        public Builder issuer(String value) {
            issuer = value;
            return this;
        }

        public Builder audience(String value) {
            audience = value;
            return this;
        }

        public Builder expiresIn(long seconds) {
            expiresIn = seconds;
            return this;
        }

        public Builder signedWith(PrivateKey value) {
            key = value;
            return this;
        }

        public String sign() {
            JwtClaimsBuilder claims = Jwt.issuer(issuer).audience(audience).subject(subject).groups(roles);
            long now = System.currentTimeMillis() / 1000;
            claims.issuedAt(now).expiresAt(now + expiresIn);
            if (consulate != null) {
                claims.claim("consulate", consulate);
            }
            if (curp != null) {
                claims.claim("curp", curp);
            }
            if (clientId != null) {
                claims.claim("client_id", clientId);
            }
            if (!scopes.isEmpty()) {
                claims.claim("scope", String.join(" ", scopes));
            }
            return claims.jws().algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.RS256).sign(key);
        }

        public String bearer() {
            return "Bearer " + sign();
        }
    }

    public static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
