package mx.gob.sre.gateway;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The personas of ARCHITECTURE.md as the gateway sees them: users with OIDC tokens, and machine
 * clients with API keys made through the admin API on first use.
 */
final class Personas {

    static final String CITIZEN_CURP = "HEGG560427MVZRRL04";
    static final List<String> USERS = List.of("citizen", "consular-officer", "protection-officer",
            "consulate-supervisor", "ime-committee-member", "admin");
    static final Map<String, List<String>> CLIENT_SCOPES = Map.of(
            "institution", List.of("scholarships:read", "scholarships:write"),
            "support-partner", List.of("consular:read", "consular:write"),
            "ine", List.of("voter:ine", "voter:read"),
            "mobile-backend", List.of("consular:read", "consular:write", "voter:read", "voter:write",
                    "scholarships:read", "scholarships:write"));

    private static final Map<String, String> KEYS = new HashMap<>();

    private Personas() {
    }

    static String userToken(String role) {
        Map<String, String> claims = new HashMap<>();
        if (role.equals("citizen")) {
            claims.put("curp", CITIZEN_CURP);
        } else if (!role.equals("admin") && !role.equals("ime-committee-member")) {
            claims.put("consulate", "SJC");
        }
        return TestIdentityProvider.user(role + "-user", List.of(role), claims);
    }

    static String adminToken() {
        return userToken("admin");
    }

    /** The API key of a persona client, creating the client and a key on first use. */
    static synchronized String apiKey(String role) {
        return KEYS.computeIfAbsent(role, ignored -> {
            String clientId = "persona-" + role;
            given().auth().oauth2(adminToken()).contentType(ContentType.JSON)
                    .body(Map.of("clientId", clientId, "name", "Persona " + role, "role", role,
                            "scopes", CLIENT_SCOPES.get(role), "requestsPerSecond", 10_000,
                            "bookingsPerMinute", 10_000))
                    .post("/admin/clients").then().statusCode(201);
            return newKey(clientId);
        });
    }

    static String newKey(String clientId) {
        return given().auth().oauth2(adminToken()).contentType(ContentType.JSON).body("{}")
                .post("/admin/clients/" + clientId + "/keys").then().statusCode(201).extract().path("apiKey");
    }

    /** A request as the named persona; "mobile-backend+citizen" sends both credentials. */
    static RequestSpecification as(String persona) {
        RequestSpecification request = given();
        if (persona.equals("mobile-backend+citizen")) {
            return request.header("X-Api-Key", apiKey("mobile-backend")).auth().oauth2(userToken("citizen"));
        }
        if (USERS.contains(persona)) {
            return request.auth().oauth2(userToken(persona));
        }
        return request.header("X-Api-Key", apiKey(persona));
    }
}
