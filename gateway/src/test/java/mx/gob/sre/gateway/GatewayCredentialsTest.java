package mx.gob.sre.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import mx.gob.sre.testsupport.TestTokens;

@QuarkusTest
@WithTestResource(GatewayTestResource.class)
class GatewayCredentialsTest {

    static final String ROUTE = "/api/consular/consulates";

    void assertUnauthorized(io.restassured.specification.RequestSpecification request) {
        request.get(ROUTE).then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401));
    }

    @Test
    void shouldRefuseMissingCredential() {
        assertUnauthorized(given());
    }

    @Test
    void shouldRefuseExpiredToken() {
        String expired = TestIdentityProvider.user("u1", List.of("citizen"), Map.of(), TestIdentityProvider.ISSUER,
                TestIdentityProvider.AUDIENCE, -60, TestIdentityProvider.KEYS.getPrivate());
        assertUnauthorized(given().auth().oauth2(expired));
    }

    @Test
    void shouldRefuseWrongIssuer() {
        String token = TestIdentityProvider.user("u1", List.of("citizen"), Map.of(), "https://evil.example/realms/x",
                TestIdentityProvider.AUDIENCE, 300, TestIdentityProvider.KEYS.getPrivate());
        assertUnauthorized(given().auth().oauth2(token));
    }

    @Test
    void shouldRefuseWrongAudience() {
        String token = TestIdentityProvider.user("u1", List.of("citizen"), Map.of(), TestIdentityProvider.ISSUER,
                "someone-else", 300, TestIdentityProvider.KEYS.getPrivate());
        assertUnauthorized(given().auth().oauth2(token));
    }

    @Test
    void shouldRefuseUnsignedAlgNoneToken() {
        assertUnauthorized(given().auth().oauth2(TestIdentityProvider.unsigned("u1", List.of("admin"))));
    }

    @Test
    void shouldRefuseTokenSignedByAnotherKey() {
        String token = TestIdentityProvider.user("u1", List.of("citizen"), Map.of(), TestIdentityProvider.ISSUER,
                TestIdentityProvider.AUDIENCE, 300, TestTokens.generate().getPrivate());
        assertUnauthorized(given().auth().oauth2(token));
        assertUnauthorized(given().header("Authorization", "Bearer not.a.jwt"));
        assertUnauthorized(given().header("Authorization", "Basic dXNlcjpwYXNz"));
    }

    @Test
    void shouldRefuseUnknownAndMalformedApiKeys() {
        assertUnauthorized(given().header("X-Api-Key", "csk_0123456789abcdef_" + "A".repeat(43)));
        assertUnauthorized(given().header("X-Api-Key", "hello"));
    }

    @Test
    void shouldRefuseRevokedKeyAndKeepTheOtherDuringRotation() {
        String clientId = "rotating-client";
        given().auth().oauth2(Personas.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("clientId", clientId, "name", "Rotating", "role", "support-partner",
                        "scopes", List.of("consular:read")))
                .post("/admin/clients").then().statusCode(201);
        String first = Personas.newKey(clientId);
        String second = Personas.newKey(clientId);
        given().auth().oauth2(Personas.adminToken()).contentType(ContentType.JSON).body("{}")
                .post("/admin/clients/" + clientId + "/keys").then().statusCode(409);

        given().header("X-Api-Key", first).get(ROUTE).then().statusCode(200);
        given().header("X-Api-Key", second).get(ROUTE).then().statusCode(200);

        String firstId = first.split("_")[1];
        given().auth().oauth2(Personas.adminToken())
                .post("/admin/clients/" + clientId + "/keys/" + firstId + "/revoke")
                .then().statusCode(200).body("active", equalTo(false));
        assertUnauthorized(given().header("X-Api-Key", first));
        given().header("X-Api-Key", second).get(ROUTE).then().statusCode(200);

        String third = Personas.newKey(clientId);
        given().header("X-Api-Key", third).get(ROUTE).then().statusCode(200);

        List<String> actions = given().auth().oauth2(Personas.adminToken()).get("/admin/audit?limit=500")
                .then().statusCode(200).extract().jsonPath().getList("findAll { it.target.startsWith('"
                        + clientId + "') }.action");
        assertThat(actions).contains("client.created", "key.issued", "key.revoked");
    }

    @Test
    void shouldRefuseExpiredKey() {
        String clientId = "expiring-client";
        given().auth().oauth2(Personas.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("clientId", clientId, "name", "Expiring", "role", "support-partner",
                        "scopes", List.of("consular:read")))
                .post("/admin/clients").then().statusCode(201);
        String key = given().auth().oauth2(Personas.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("expiresAt", Instant.now().plusSeconds(2).toString()))
                .post("/admin/clients/" + clientId + "/keys").then().statusCode(201).extract().path("apiKey");
        given().header("X-Api-Key", key).get(ROUTE).then().statusCode(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().header("X-Api-Key", key).get(ROUTE).then().statusCode(401));
    }

    @Test
    void shouldKeepAdminApiToAdmins() {
        given().auth().oauth2(Personas.userToken("consular-officer")).get("/admin/clients")
                .then().statusCode(403).contentType("application/problem+json");
        given().get("/admin/clients").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(Personas.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("clientId", "x", "name", "", "role", "superuser", "scopes", List.of()))
                .post("/admin/clients").then().statusCode(400).contentType("application/problem+json");
    }
}
