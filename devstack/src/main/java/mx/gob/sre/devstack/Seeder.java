package mx.gob.sre.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import mx.gob.sre.testsupport.JsonFields;

/**
 * Seeds the personas' API clients through the gateway's admin API, a demo citizen through the
 * consular API, and writes {@code .devstack/credentials.md} with the keys and how to get user tokens.
 */
final class Seeder {

    /** Machine-client personas: client id, display name, role, consulate and scopes. */
    record DemoClient(String clientId, String name, String role, String consulate, List<String> scopes) {
    }

    static final List<DemoClient> CLIENTS = List.of(
            new DemoClient("evergreen-college", "Evergreen Valley College", "institution", "SJC",
                    List.of("scholarships:read", "scholarships:write")),
            new DemoClient("casa-refugio", "Casa Refugio (shelter and legal aid)", "support-partner", "SJC",
                    List.of("consular:read", "consular:write")),
            new DemoClient("ine", "Instituto Nacional Electoral", "ine", null, List.of("voter:ine", "voter:read")),
            new DemoClient("mobile-backend", "MiConsulado app backend", "mobile-backend", null,
                    List.of("consular:read", "consular:write", "voter:read", "voter:write", "scholarships:read",
                            "scholarships:write")));

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final StackLayout layout;

    Seeder(StackLayout layout) {
        this.layout = layout;
    }

    void seed() {
        String admin = IdentityProvider.token(layout.identityProviderPort(), "admin");
        Map<String, String> newKeys = new LinkedHashMap<>();
        for (DemoClient client : CLIENTS) {
            if (call("GET", "/admin/clients/" + client.clientId(), admin, null).statusCode() == 200) {
                continue;
            }
            StringBuilder body = new StringBuilder("{\"clientId\":\"").append(client.clientId())
                    .append("\",\"name\":\"").append(client.name()).append("\",\"role\":\"").append(client.role())
                    .append("\",\"scopes\":[\"").append(String.join("\",\"", client.scopes())).append("\"]");
            if (client.consulate() != null) {
                body.append(",\"consulate\":\"").append(client.consulate()).append('"');
            }
            if (client.role().equals("mobile-backend")) {
                body.append(",\"requestsPerSecond\":5000,\"bookingsPerMinute\":120000");
            }
            body.append('}');
            expect(call("POST", "/admin/clients", admin, body.toString()), 201);
            HttpResponse<String> key = expect(call("POST", "/admin/clients/" + client.clientId() + "/keys", admin,
                    "{}"), 201);
            String apiKey = JsonFields.string(key.body(), "apiKey");
            newKeys.put(client.clientId(), apiKey);
            if (client.role().equals("ine")) {
                writeIneKey(apiKey);
            }
        }
        if (!newKeys.isEmpty()) {
            writeCredentials(newKeys);
        }
        String officer = IdentityProvider.token(layout.identityProviderPort(), "consular-officer");
        HttpResponse<String> citizen = call("POST", "/api/consular/citizens", officer, """
                {"curp":"HEGG560427MVZRRL04","givenNames":"Gloria","firstSurname":"Hernández",
                 "secondSurname":"García","dateOfBirth":"1956-04-27",
                 "contact":{"email":"gloria.demo@example.org","phone":"+14085550123"},
                 "address":{"line1":"1200 Story Rd","city":"San Jose","region":"CA","postalCode":"95122",
                            "country":"US"},
                 "consulate":"SJC","consent":{"privacyNoticeVersion":"2026-01","accepted":true}}""");
        if (citizen.statusCode() != 201 && citizen.statusCode() != 409) {
            throw new IllegalStateException("Seeding the demo citizen failed: " + citizen.statusCode() + " "
                    + citizen.body());
        }
    }

    private void writeIneKey(String key) {
        try {
            Files.createDirectories(layout.ineApiKeyFile().getParent());
            Files.writeString(layout.ineApiKeyFile(), key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeCredentials(Map<String, String> keys) {
        StringBuilder text = new StringBuilder("""
                # Local stack credentials

                Made by `./suite up` on first start; `./suite reset` makes new ones. Never use them outside
                your machine.

                ## API keys (machine clients): send as `X-Api-Key`

                | client | role | key |
                |---|---|---|
                """);
        for (DemoClient client : CLIENTS) {
            String key = keys.get(client.clientId());
            if (key != null) {
                text.append("| ").append(client.clientId()).append(" | ").append(client.role()).append(" | `")
                        .append(key).append("` |\n");
            }
        }
        text.append("""

                ## User tokens (personas): send as `Authorization: Bearer <token>`

                `./suite token <persona>` prints a fresh token (valid one hour) for one of:
                """);
        IdentityProvider.PERSONAS.keySet().forEach(persona -> text.append("- ").append(persona).append('\n'));
        text.append("""

                ## Try it

                ```
                curl -H "Authorization: Bearer $(./suite token consular-officer)" %s/api/consular/consulates
                curl -H "X-Api-Key: <mobile-backend key>" -H "Authorization: Bearer $(./suite token citizen)" \\
                     %s/api/consular/citizens/HEGG560427MVZRRL04
                ```
                """.formatted(layout.gatewayUrl(), layout.gatewayUrl()));
        try {
            Files.writeString(layout.credentialsFile(), text.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> call(String method, String path, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(layout.gatewayUrl() + path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("Seeding failed: " + response.request().method() + " "
                    + response.request().uri() + " answered " + response.statusCode() + " " + response.body());
        }
        return response;
    }
}
