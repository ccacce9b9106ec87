package mx.gob.sre.devstack;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;

import mx.gob.sre.testsupport.JsonFields;

/**
 * The development identity provider: no.nav.security's mock-oauth2-server, with one issuer whose tokens
 * look like Keycloak's (roles in realm_access.roles, audience consular-suite). A token for a persona is
 * a client-credentials grant with the persona's name as client id.
 */
public final class IdentityProvider implements AutoCloseable {

    public static final String ISSUER_ID = "consular";
    public static final String AUDIENCE = "consular-suite";

    /** User personas and the claims of their tokens. */
    public static final Map<String, String> PERSONAS = new LinkedHashMap<>();

    static {
        PERSONAS.put("citizen", claims("citizen-gloria", "citizen", null, "HEGG560427MVZRRL04"));
        PERSONAS.put("consular-officer", claims("officer.sjc", "consular-officer", "SJC", null));
        PERSONAS.put("protection-officer", claims("protection.sjc", "protection-officer", "SJC", null));
        PERSONAS.put("consulate-supervisor", claims("supervisor.sjc", "consulate-supervisor", "SJC", null));
        PERSONAS.put("ime-committee-member", claims("committee.sjc", "ime-committee-member", "SJC", null));
        PERSONAS.put("admin", claims("admin", "admin", null, null));
    }

    private final MockOAuth2Server server;
    private final int port;

    private IdentityProvider(MockOAuth2Server server, int port) {
        this.server = server;
        this.port = port;
    }

    public static IdentityProvider start(int port) {
        StringBuilder mappings = new StringBuilder();
        PERSONAS.forEach((persona, claims) -> {
            if (mappings.length() > 0) {
                mappings.append(',');
            }
            mappings.append("{\"requestParam\":\"client_id\",\"match\":\"").append(persona)
                    .append("\",\"claims\":").append(claims).append('}');
        });
        String config = """
                {"interactiveLogin":false,"httpServer":"NettyWrapper",
                 "tokenCallbacks":[{"issuerId":"%s","tokenExpiry":3600,"requestMappings":[%s]}]}"""
                .formatted(ISSUER_ID, mappings);
        MockOAuth2Server server = new MockOAuth2Server(OAuth2Config.Companion.fromJson(config));
        try {
            server.start(InetAddress.getLoopbackAddress(), port);
        } catch (Exception e) {
            throw new IllegalStateException("The identity provider did not start on port " + port, e);
        }
        return new IdentityProvider(server, port);
    }

    /**
     * The internal token the gateway would forward for a persona, signed with the stack's internal key:
     * for calling a service directly (the gateway-overhead benchmark). Valid five minutes.
     */
    public static String internalToken(Secrets secrets, String persona) {
        try {
            Map<String, Object> claims = JSONObjectUtils.parse(PERSONAS.get(persona));
            @SuppressWarnings("unchecked")
            Map<String, Object> realm = (Map<String, Object>) claims.get("realm_access");
            long now = System.currentTimeMillis();
            JWTClaimsSet.Builder set = new JWTClaimsSet.Builder()
                    .issuer("https://gateway.consular-suite.internal").audience(AUDIENCE)
                    .subject((String) claims.get("sub")).claim("groups", realm.get("roles"))
                    .issueTime(new Date(now)).expirationTime(new Date(now + 300_000));
            for (String claim : List.of("consulate", "curp")) {
                if (claims.containsKey(claim)) {
                    set.claim(claim, claims.get(claim));
                }
            }
            String pem = secrets.internalPrivateKey().replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(
                    JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(), set.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException("Could not sign an internal token for " + persona, e);
        }
    }

    /** A fresh access token for a user persona, fetched from the token endpoint as any client would. */
    public static String token(int port, String persona) {
        if (!PERSONAS.containsKey(persona)) {
            throw new IllegalArgumentException("Unknown persona " + persona + "; one of " + PERSONAS.keySet());
        }
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/" + ISSUER_ID + "/token"))
                    .timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "grant_type=client_credentials&client_id=" + persona
                                    + "&client_secret=devstack&scope=openid"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            return JsonFields.find(response.body(), "access_token").filter(token -> response.statusCode() == 200)
                    .orElseThrow(() -> new IllegalStateException(
                            "The identity provider answered " + response.statusCode()));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("The identity provider is not running on port " + port
                    + "; start the stack first", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String jwksUrl() {
        return "http://localhost:" + port + "/" + ISSUER_ID + "/jwks";
    }

    @Override
    public void close() {
        server.shutdown();
    }

    private static String claims(String subject, String role, String consulate, String curp) {
        StringBuilder json = new StringBuilder("{\"sub\":\"").append(subject).append("\",\"aud\":[\"")
                .append(AUDIENCE).append("\"],\"realm_access\":{\"roles\":[\"").append(role).append("\"]}");
        if (consulate != null) {
            json.append(",\"consulate\":\"").append(consulate).append('"');
        }
        if (curp != null) {
            json.append(",\"curp\":\"").append(curp).append('"');
        }
        return json.append('}').toString();
    }
}
