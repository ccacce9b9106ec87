package mx.gob.sre.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import mx.gob.sre.testsupport.FreePorts;
import mx.gob.sre.testsupport.JsonFields;

/**
 * The whole suite from the built jars, as the local stack runs it: real PostgreSQL, real Kafka, the
 * identity provider, the INE simulator, the four services and the gateway, on free ports.
 */
class SuiteEndToEndIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static DevStack stack;
    private static List<Long> childPids;

    @BeforeAll
    static void startSuite() throws Exception {
        Path root = Path.of(System.getProperty("suite.root", "..")).toAbsolutePath().normalize();
        Path home = Files.createTempDirectory("suite-e2e-");
        StackLayout layout = new StackLayout(root, home, FreePorts.next(), FreePorts.next(), FreePorts.next(),
                FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(),
                FreePorts.next());
        System.setProperty("devstack.ine.step-interval", "1s");
        stack = DevStack.start(layout, System.out);
        childPids = Files.readAllLines(layout.pidFile()).stream().map(line -> Long.parseLong(line.split(" ")[1]))
                .toList();
    }

    @AfterAll
    static void stopSuite() {
        if (stack != null) {
            stack.close();
            assertThat(childPids).allSatisfy(pid ->
                    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse());
        }
    }

    @Test
    void shouldSeeCitizenPostedThroughGatewayInVoterServiceOverKafka() throws Exception {
        StackLayout layout = stack.layout();
        assertThat(get("/q/health/ready", null).statusCode()).isEqualTo(200);

        String officer = IdentityProvider.token(layout.identityProviderPort(), "consular-officer");
        String curp = "PECC730607MJCMDQ44";
        String requestId = "e2e-" + UUID.randomUUID();
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(layout.gatewayUrl()
                + "/api/consular/citizens"))
                .header("Authorization", "Bearer " + officer)
                .header("Content-Type", "application/json")
                .header("X-Request-Id", requestId)
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"curp":"%s","givenNames":"Carmen","firstSurname":"Pérez","dateOfBirth":"1973-06-07",
                         "address":{"line1":"55 W Santa Clara St","city":"San Jose","region":"CA","country":"US"},
                         "consulate":"SJC","consent":{"privacyNoticeVersion":"2026-01","accepted":true}}"""
                        .formatted(curp)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("X-Request-Id")).contains(requestId);
        assertThat(created.headers().firstValue("Location"))
                .contains(layout.gatewayUrl() + "/api/consular/citizens/" + curp);

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        HttpResponse<String> eligibility;
        do {
            eligibility = get("/api/voter/citizens/" + curp + "/eligibility", officer);
            if (eligibility.statusCode() == 200) {
                break;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        assertThat(eligibility.statusCode()).as(eligibility.body()).isEqualTo(200);
        assertThat(eligibility.body()).contains("\"consulate\":\"SJC\"");

        String consularLog = Files.readString(layout.logs().resolve("consular-service.log"));
        assertThat(consularLog).contains("[" + requestId + "]");
        assertThat(consularLog).doesNotContain(curp);
        String voterLog = Files.readString(layout.logs().resolve("voter-registration-service.log"));
        assertThat(voterLog).doesNotContain(curp);
    }

    @Test
    void shouldStartEveryServiceWithTheClassDataArchiveOfItsBuild() throws Exception {
        Map<String, String> pids = new HashMap<>();
        for (String line : Files.readAllLines(stack.layout().pidFile())) {
            String[] entry = line.trim().split(" ");
            pids.put(entry[0], entry[1]);
        }
        for (String module : List.of("ine-simulator", "consular-service", "voter-registration-service",
                "scholarship-service", "gateway")) {
            ClassDataArchive archive = ClassDataArchive.forJar(stack.layout().jar(module));
            assertThat(archive.exists()).as("archive of " + module).isTrue();
            // Mapped by the running JVM: it accepted the archive (a rejected one is not mapped).
            assertThat(Files.readString(Path.of("/proc", pids.get(module), "maps")))
                    .as("memory map of " + module).contains(archive.file().toString());
        }
    }

    @Test
    void shouldRefuseCallerWithoutCredentialAndHideOtherCitizens() throws Exception {
        assertThat(get("/api/consular/consulates", null).statusCode()).isEqualTo(401);
        String citizen = IdentityProvider.token(stack.layout().identityProviderPort(), "citizen");
        HttpResponse<String> other = get("/api/consular/citizens/KOTN770128MJCKWH12", citizen);
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(other.headers().firstValue("Content-Type")).contains("application/problem+json");
    }

    @Test
    void shouldRunTheVoterCardFlowAgainstTheIneSimulatorVisibleInTheTimeline() throws Exception {
        StackLayout layout = stack.layout();
        String officer = IdentityProvider.token(layout.identityProviderPort(), "consular-officer");
        String curp = "CEFJ851202MJCHQT82";
        assertThat(send("POST", "/api/consular/citizens", officer, """
                {"curp":"%s","givenNames":"Josefina","firstSurname":"Cervantes","dateOfBirth":"1985-12-02",
                 "address":{"line1":"99 N 1st St","city":"San Jose","region":"CA","country":"US"},
                 "consulate":"SJC","consent":{"privacyNoticeVersion":"2026-01","accepted":true}}""".formatted(curp))
                .statusCode()).isEqualTo(201);
        String ticket = field(send("POST", "/api/consular/consulates/SJC/tickets", officer,
                "{\"service\":\"VOTER_CARD\",\"curp\":\"" + curp + "\"}"), "id");
        assertThat(send("POST", "/api/consular/tickets/" + ticket + "/call", officer, "{\"counter\":\"7\"}")
                .statusCode()).isEqualTo(200);
        assertThat(send("POST", "/api/consular/tickets/" + ticket + "/serve", officer, null).statusCode())
                .isEqualTo(200);
        HttpResponse<String> completed = send("POST", "/api/consular/tickets/" + ticket + "/complete", officer, """
                {"outcome":"RESOLVED","identityVerification":{"documentsVerified":true,
                  "proofOfNationality":{"type":"BIRTH_CERTIFICATE"},
                  "proofOfAddressIssuedOn":"%s","addressInDistrict":true,
                  "biometrics":{"fingerprints":"urn:sre:biometrics:SJC:e2e:fp","photo":"urn:sre:biometrics:SJC:e2e:photo",
                                "signature":"urn:sre:biometrics:SJC:e2e:sig"}}}""".formatted(java.time.LocalDate.now()
                .minusDays(7)));
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(200);

        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String timeline = "";
        while (System.nanoTime() < deadline) {
            timeline = get("/api/consular/citizens/" + curp + "/timeline?limit=100", officer).body();
            if (timeline.contains("voter-card.under-review")) {
                break;
            }
            Thread.sleep(500);
        }
        assertThat(timeline).contains("voter-card.captured").contains("voter-card.submitted")
                .contains("voter-card.under-review").contains("procedure.resolved");
        String applications = get("/api/voter/applications?curp=" + curp, officer).body();
        assertThat(applications).contains("\"votingState\":\"JC\"").contains("urn:sre:biometrics:SJC:e2e:fp");
    }

    @Test
    void shouldShowAContestWinOnTheGuardiansTimeline() throws Exception {
        int idp = stack.layout().identityProviderPort();
        String ime = IdentityProvider.token(idp, "admin");
        String citizen = IdentityProvider.token(idp, "citizen");
        java.time.Instant closes = java.time.Instant.now().plusSeconds(12);
        String contest = field(send("POST", "/api/scholarships/contests", ime, """
                {"title":"Este es mi México (e2e)","cycle":2026,"opensAt":"%s","closesAt":"%s",
                 "rulesText":"Dibujos originales.","rulesVersion":"e2e.1",
                 "ageCategories":[{"name":"6-14","minAge":6,"maxAge":14}]}"""
                .formatted(java.time.Instant.now().minusSeconds(60), closes)), "id");
        String entry = field(send("POST", "/api/scholarships/contests/" + contest + "/entries", citizen, """
                {"child":{"givenNames":"Valentina","surnames":"Hernández Rulfo","dateOfBirth":"%s"},
                 "countryOfResidence":"US","mexicanBackground":"MEXICAN_PARENT","drawingTitle":"El mercado",
                 "guardian":{"name":"Gloria Hernández","relationship":"mother","email":"gloria@example.com"},
                 "consent":{"rulesVersion":"e2e.1","guardianConsent":true,"rightsTransferred":true,
                            "publicationConsent":true}}""".formatted(java.time.LocalDate.now().minusYears(9))), "id");
        String image = "/api/scholarships/uploads/contests/" + contest + "/entries/" + entry + "/image";
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        assertThat(upload(image, citizen, "%PDF-1.7 renamed".getBytes(), "image/png").statusCode()).isEqualTo(415);
        HttpResponse<String> uploaded = upload(image, citizen, png, "image/png");
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);

        Thread.sleep(Math.max(0, Duration.between(java.time.Instant.now(), closes).toMillis() + 1000));
        HttpResponse<String> results = send("POST", "/api/scholarships/contests/" + contest + "/results", ime,
                "{\"winners\":[\"" + entry + "\"],\"honourableMentions\":[]}");
        assertThat(results.statusCode()).as(results.body()).isEqualTo(201);
        String gallery = get("/api/scholarships/contests/" + contest + "/gallery", citizen).body();
        assertThat(gallery).contains("Valentina").doesNotContain("Rulfo");

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String timeline = "";
        while (System.nanoTime() < deadline && !timeline.contains(entry)) {
            timeline = get("/api/consular/citizens/HEGG560427MVZRRL04/timeline?limit=100", citizen).body();
            Thread.sleep(300);
        }
        assertThat(timeline).contains("contest.winner").contains(entry).doesNotContain("Rulfo");
        assertThat(Files.readString(stack.layout().logs().resolve("scholarship-service.log")))
                .doesNotContain("Rulfo").doesNotContain("HEGG560427MVZRRL04");
    }

    private static HttpResponse<String> upload(String path, String token, byte[] body, String type) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(stack.layout().gatewayUrl() + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", type)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.layout().gatewayUrl() + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String field(HttpResponse<String> response, String name) {
        assertThat(response.statusCode()).as(response.body()).isLessThan(300);
        return JsonFields.string(response.body(), name);
    }

    private static HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.layout().gatewayUrl() + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
