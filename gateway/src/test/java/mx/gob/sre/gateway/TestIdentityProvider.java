package mx.gob.sre.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import mx.gob.sre.testsupport.TestTokens;

/** An OIDC issuer for the tests: a key pair, its JWKS file, and user tokens shaped like Keycloak's. */
final class TestIdentityProvider {

    static final String ISSUER = "https://sso.test.sre.gob.mx/realms/consular";
    static final String AUDIENCE = "consular-suite";
    static final KeyPair KEYS = TestTokens.generate();
    static final KeyPair INTERNAL_KEYS = TestTokens.generate();

    private TestIdentityProvider() {
    }

    static Path writeJwks() {
        RSAPublicKey key = (RSAPublicKey) KEYS.getPublic();
        String jwks = """
                {"keys":[{"kty":"RSA","kid":"test-key","use":"sig","alg":"RS256","n":"%s","e":"%s"}]}"""
                .formatted(base64Url(key.getModulus()), base64Url(key.getPublicExponent()));
        try {
            Path file = Files.createTempFile("jwks", ".json");
            Files.writeString(file, jwks);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String internalPrivateKeyPem() {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(INTERNAL_KEYS.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----";
    }

    /** A user token for a persona, as the ministry's SSO or the app's identity provider issues it. */
    static String user(String subject, List<String> roles, Map<String, String> claims) {
        return user(subject, roles, claims, ISSUER, AUDIENCE, 300, KEYS.getPrivate());
    }

    static String user(String subject, List<String> roles, Map<String, String> claims, String issuer, String audience,
            long expiresIn, PrivateKey key) {
        long now = System.currentTimeMillis() / 1000;
        JwtClaimsBuilder builder = Jwt.issuer(issuer).audience(audience).subject(subject)
                .claim("realm_access", Map.of("roles", roles))
                .issuedAt(now - 5).expiresAt(now + expiresIn);
        claims.forEach(builder::claim);
        return builder.jws().keyId("test-key").algorithm(SignatureAlgorithm.RS256).sign(key);
    }

    /** The same claims with {"alg":"none"} and no signature. */
    static String unsigned(String subject, List<String> roles) {
        String header = base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        long now = System.currentTimeMillis() / 1000;
        String payload = base64Url("""
                {"iss":"%s","aud":"%s","sub":"%s","iat":%d,"exp":%d,"realm_access":{"roles":["%s"]}}"""
                .formatted(ISSUER, AUDIENCE, subject, now, now + 300, String.join("\",\"", roles)));
        return header + "." + payload + ".";
    }

    private static String base64Url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
