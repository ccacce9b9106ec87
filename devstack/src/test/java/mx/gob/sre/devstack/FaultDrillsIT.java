package mx.gob.sre.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import mx.gob.sre.testsupport.FreePorts;
import mx.gob.sre.testsupport.JsonFields;
import mx.gob.sre.testsupport.TestCurps;

/**
 * The fault drills of bench/README.md, against the whole suite as the local stack runs it (built jars,
 * PostgreSQL, Kafka in a process of its own, the INE simulator), on loopback and free ports. Each drill
 * drives load through the gateway while it breaks one part, then reconciles what the clients were told
 * with what the databases and Kafka hold, prints {@code DRILL <n> ... PASS|FAIL} with the counts, and
 * fails the build on FAIL. The outage lengths are system properties: CI runs them as below, the full
 * drills with {@code -Ddrill.kafka-down=30s -Ddrill.ine-down=120s}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultDrillsIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static DevStack stack;
    private static String officer;
    private static Secrets secrets;

    @BeforeAll
    static void startSuite() throws Exception {
        Path root = Path.of(System.getProperty("suite.root", "..")).toAbsolutePath().normalize();
        Path home = Files.createTempDirectory("suite-drills-");
        StackLayout layout = new StackLayout(root, home, FreePorts.next(), FreePorts.next(), FreePorts.next(),
                FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(),
                FreePorts.next());
        System.setProperty("devstack.kafka.own-process", "true");
        System.setProperty("devstack.ine.step-interval", "1s");
        // Retries of INE submissions back off to 5 s at most, so the drill need not wait minutes after INE
        // is back; the gateway's booking limits would otherwise refuse the drill's load (429).
        System.setProperty("devstack.env.VOTER_INE_MAX_BACKOFF", "5s");
        System.setProperty("devstack.env.GATEWAY_RATE_LIMITS_BOOKING_PER_CLIENT_CAPACITY", "1000000");
        System.setProperty("devstack.env.GATEWAY_RATE_LIMITS_DEFAULT_PER_CLIENT_CAPACITY", "1000000");
        stack = DevStack.start(layout, System.out);
        secrets = Secrets.loadOrCreate(layout.secrets());
        officer = IdentityProvider.token(layout.identityProviderPort(), "consular-officer");
    }

    @AfterAll
    static void stopSuite() {
        if (stack != null) {
            stack.close();
        }
        for (String property : List.of("devstack.kafka.own-process", "devstack.env.VOTER_INE_MAX_BACKOFF",
                "devstack.env.GATEWAY_RATE_LIMITS_BOOKING_PER_CLIENT_CAPACITY",
                "devstack.env.GATEWAY_RATE_LIMITS_DEFAULT_PER_CLIENT_CAPACITY")) {
            System.clearProperty(property);
        }
    }

    // --- Drill 4: a service killed ---

    @Test
    @Order(1)
    void aKilledServiceIsAnswered503WithinASecondAndRecoversWhenBack() throws Exception {
        assertThat(get("/api/consular/consulates/SJC").statusCode()).isEqualTo(200);
        stack.kill("consular-service");
        long killedAt = System.nanoTime();
        Load down = Load.run(10, Duration.ofSeconds(5), () -> request("GET", "/api/consular/consulates/SJC", null));
        long restartAt = System.nanoTime();
        stack.restart("consular-service", Duration.ofSeconds(120));
        long readyAt = System.nanoTime();
        long recoveredAt = awaitStatus("/api/consular/consulates/SJC", 200, Duration.ofSeconds(30));

        long slow = down.results().stream().filter(r -> r.millis() >= 1000).count();
        long wrong = down.results().stream().filter(r -> r.status() != 503 || !r.problem()).count();
        boolean pass = slow == 0 && wrong == 0 && recoveredAt > 0 && !down.results().isEmpty();
        report(4, "consular-service SIGKILLed", pass, Map.of(
                "requests while down", down.results().size(),
                "answered 503 problem+json", down.results().size() - wrong,
                "slowest ms", down.slowestMillis(),
                "answers >= 1 s", slow,
                "down s", (restartAt - killedAt) / 1_000_000_000.0,
                "200 again after ready, ms", recoveredAt > 0 ? (recoveredAt - readyAt) / 1_000_000 : -1));
        if (!pass) {
            down.results().stream().filter(r -> r.millis() >= 1000 || r.status() != 503 || !r.problem()).limit(5)
                    .forEach(r -> System.out.printf("  DRILL 4 answer: status %d after %d ms (sent %d ms after the kill): %s%n",
                            r.status(), r.millis(), (r.sentAt() - killedAt) / 1_000_000, r.body()));
        }
        assertThat(pass).isTrue();
    }

    // --- Drill 3: the INE simulator down, then back ---

    @Test
    @Order(2)
    void everySubmissionPendingWhileIneIsDownIsDeliveredExactlyOnce() throws Exception {
        Duration outage = Duration.parse("PT" + System.getProperty("drill.ine-down", "20s").toUpperCase());
        String ine = "http://127.0.0.1:" + stack.layout().ineSimulatorPort();
        setIneMode(ine, "DOWN");
        long downAt = System.nanoTime();
        List<String> folios = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> captured = send("POST", "/api/voter/applications", capture(TestCurps.random()));
            assertThat(captured.statusCode()).as(captured.body()).isEqualTo(201);
            folios.add(JsonFields.string(captured.body(), "folio"));
        }
        ServiceProcess.sleep(Math.max(0, outage.toMillis() - (System.nanoTime() - downAt) / 1_000_000));
        int pendingAtRecovery = count("voter", "SELECT count(*) FROM ine_submission s JOIN application a "
                + "ON a.id = s.application_id WHERE s.status = 'PENDING' AND a.folio = ANY(?)", folios);
        setIneMode(ine, "NORMAL");
        long upAt = System.nanoTime();
        long deadline = upAt + Duration.ofSeconds(60).toNanos();
        int accepted = 0;
        while (System.nanoTime() < deadline) {
            accepted = count("voter", "SELECT count(*) FROM ine_submission s JOIN application a "
                    + "ON a.id = s.application_id WHERE s.status = 'ACCEPTED' AND a.folio = ANY(?)", folios);
            if (accepted == folios.size()) {
                break;
            }
            ServiceProcess.sleep(500);
        }
        long deliveredIn = (System.nanoTime() - upAt) / 1_000_000;
        int retried = count("voter", "SELECT count(*) FROM ine_submission s JOIN application a "
                + "ON a.id = s.application_id WHERE s.attempts > 1 AND a.folio = ANY(?)", folios);
        String ledger = HTTP.send(HttpRequest.newBuilder(URI.create(ine + "/control/folios")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        long onIneLedger = folios.stream().filter(folio -> occurrences(ledger, "\"" + folio + "\"") == 1).count();
        boolean pass = pendingAtRecovery == folios.size() && accepted == folios.size()
                && onIneLedger == folios.size();
        report(3, "INE simulator down " + outage.toSeconds() + " s", pass, Map.of(
                "applications captured while down", folios.size(),
                "pending when INE came back", pendingAtRecovery,
                "accepted by INE after", accepted,
                "retried at least once", retried,
                "on INE's ledger exactly once", onIneLedger,
                "all delivered within ms", deliveredIn));
        assertThat(pass).isTrue();
    }

    // --- Drill 2: one service's PostgreSQL restarted mid-load ---

    @Test
    @Order(3)
    void aDatabaseRestartCostsOnly503sAndLosesNothing() throws Exception {
        Load load = Load.start(10, Duration.ofSeconds(25),
                () -> request("POST", "/api/consular/citizens", registration(TestCurps.random())));
        ServiceProcess.sleep(5000);
        long stoppedAt = System.nanoTime();
        stack.restartPostgres(Duration.ofSeconds(2));
        long backAt = System.nanoTime();
        load.await();

        List<Result> results = load.results();
        List<String> created = results.stream().filter(r -> r.status() == 201).map(r -> r.body())
                .map(body -> JsonFields.string(body, "curp")).toList();
        long others = results.stream().filter(r -> r.status() != 201 && !(r.status() == 503 && r.problem())).count();
        long unavailable = results.stream().filter(r -> r.status() == 503).count();
        int stored = count("consular", "SELECT count(*) FROM citizen WHERE curp = ANY(?)", created);
        long firstSuccessAfterBack = results.stream()
                .filter(r -> r.status() == 201 && r.sentAt() > backAt).mapToLong(Result::sentAt).min().orElse(-1);
        long recoveryMs = firstSuccessAfterBack < 0 ? -1 : (firstSuccessAfterBack - backAt) / 1_000_000;
        boolean pass = others == 0 && stored == created.size() && recoveryMs >= 0 && recoveryMs <= 30_000;
        Map<String, Object> counts = new TreeMap<>();
        counts.put("requests", results.size());
        counts.put("201 created", created.size());
        counts.put("503 problem+json", unavailable);
        counts.put("any other answer", others);
        counts.put("created and found in the database", stored);
        counts.put("database down ms", (backAt - stoppedAt) / 1_000_000);
        counts.put("first 201 after it was back, ms", recoveryMs);
        report(2, "PostgreSQL restarted under citizen registrations", pass, counts);
        assertThat(pass).isTrue();
    }

    // --- Drill 1: Kafka SIGKILLed during booking load ---

    @Test
    @Order(4)
    void kafkaKilledDuringBookingsLosesNoEventAndDuplicatesNoEffect() throws Exception {
        Duration outage = Duration.parse("PT" + System.getProperty("drill.kafka-down", "30s").toUpperCase());
        List<String> slots = passportSlots();
        ConcurrentLinkedQueue<String> registered = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Integer> registrationFailures = new ConcurrentLinkedQueue<>();
        Load load = Load.start(5, outage.plusSeconds(15), () -> {
            String curp = TestCurps.random();
            HttpResponse<String> created = send("POST", "/api/consular/citizens", registration(curp));
            if (created.statusCode() == 201) {
                registered.add(curp);
            } else {
                registrationFailures.add(created.statusCode());
            }
            return request("POST", "/api/consular/appointments", """
                    {"consulate":"SJC","service":"PASSPORT","startsAt":"%s","curp":"%s"}"""
                    .formatted(slots.get(ThreadLocalRandom.current().nextInt(slots.size())), curp));
        });
        ServiceProcess.sleep(5000);
        stack.killKafka();
        long killedAt = System.nanoTime();
        ServiceProcess.sleep(3000);
        String readiness = body("http://127.0.0.1:" + stack.layout().consularPort() + "/q/health/ready");
        int liveness = status("http://127.0.0.1:" + stack.layout().consularPort() + "/q/health/live");
        ServiceProcess.sleep(Math.max(0, outage.toMillis() - (System.nanoTime() - killedAt) / 1_000_000));
        stack.startKafkaProcess();
        long backAt = System.nanoTime();
        load.await();

        List<Result> results = load.results();
        List<String> booked = results.stream().filter(r -> r.status() == 201)
                .map(r -> JsonFields.string(r.body(), "id")).toList();
        long refused = results.stream()
                .filter(r -> r.status() != 201 && r.status() != 409 && r.status() != 422).count();
        List<String> citizens = List.copyOf(registered);
        long recoveryDeadline = backAt + Duration.ofSeconds(60).toNanos();
        int unpublished = -1;
        int consumed = -1;
        while (System.nanoTime() < recoveryDeadline) {
            unpublished = count("consular", "SELECT count(*) FROM outbox_event WHERE published_at IS NULL", null);
            consumed = count("voter", "SELECT count(*) FROM known_citizen WHERE curp = ANY(?)", citizens);
            if (unpublished == 0 && consumed == citizens.size()) {
                break;
            }
            ServiceProcess.sleep(500);
        }
        long recoveredMs = (System.nanoTime() - backAt) / 1_000_000;
        int appointments = count("consular", "SELECT count(*) FROM appointment WHERE id::text = ANY(?)", booked);
        int bookedEvents = count("consular", "SELECT count(*) FROM outbox_event WHERE event_type = "
                + "'consular.appointment.booked.v1' AND aggregate_key = ANY(?) AND published_at IS NOT NULL", booked);
        int citizenEvents = count("consular", "SELECT count(*) FROM outbox_event o JOIN citizen c ON o.aggregate_key = "
                + "c.id::text WHERE o.topic = 'consular.citizens' AND c.curp = ANY(?) AND o.published_at IS NOT NULL",
                citizens);
        List<String> citizenEventIds = strings("consular", "SELECT o.event_id FROM outbox_event o JOIN citizen c "
                + "ON o.aggregate_key = c.id::text WHERE o.topic = 'consular.citizens' AND c.curp = ANY(?)", citizens);
        int receipts = count("voter", "SELECT count(*) FROM inbox_message WHERE consumer = 'voter.consular-citizens' "
                + "AND event_id = ANY(?)", citizenEventIds);
        boolean brokerReported = readiness.contains("unreachable") || readiness.contains("failed");
        boolean pass = refused == 0 && registrationFailures.isEmpty()
                && appointments == booked.size() && bookedEvents == booked.size()
                && citizenEvents == citizens.size() && receipts == citizenEventIds.size()
                && consumed == citizens.size() && unpublished == 0 && brokerReported && liveness == 200
                && recoveredMs <= 60_000;
        Map<String, Object> counts = new TreeMap<>();
        counts.put("booking requests", results.size());
        counts.put("answered other than 201/409/422", refused);
        counts.put("bookings 201", booked.size());
        counts.put("appointments stored", appointments);
        counts.put("appointment.booked events published", bookedEvents);
        counts.put("citizens registered", citizens.size());
        counts.put("registrations answered other than 201", registrationFailures.size());
        counts.put("citizen events published", citizenEvents);
        counts.put("voter inbox receipts", receipts + "/" + citizenEventIds.size());
        counts.put("voter known citizens (one row each)", consumed);
        counts.put("outbox rows still pending", unpublished);
        counts.put("readiness reported the broker", brokerReported);
        counts.put("liveness while down", liveness);
        counts.put("recovered ms after broker back", recoveredMs);
        report(1, "Kafka SIGKILLed for " + outage.toSeconds() + " s during bookings", pass, counts);
        assertThat(pass).isTrue();
    }

    // --- Load and reports ---

    record Result(int status, boolean problem, long millis, long sentAt, String body) {
    }

    /** Sends requests at a fixed rate (open model) for a while and keeps every answer. */
    static final class Load {
        private final ConcurrentLinkedQueue<Result> results = new ConcurrentLinkedQueue<>();
        private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        private final java.util.concurrent.ExecutorService senders = Executors.newCachedThreadPool();
        private final Duration duration;

        private Load(Duration duration) {
            this.duration = duration;
        }

        static Load start(int perSecond, Duration duration, Supplier<HttpRequest> next) {
            Load load = new Load(duration);
            long began = System.nanoTime();
            load.ticker.scheduleAtFixedRate(() -> {
                if (System.nanoTime() - began >= duration.toNanos()) {
                    load.ticker.shutdown();
                    return;
                }
                load.senders.submit(() -> {
                    long sentAt = System.nanoTime();
                    HttpRequest request = next.get();
                    try {
                        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                        load.results.add(new Result(response.statusCode(), response.headers()
                                .firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                                (System.nanoTime() - sentAt) / 1_000_000, sentAt, response.body()));
                    } catch (Exception e) {
                        load.results.add(new Result(-1, false, (System.nanoTime() - sentAt) / 1_000_000, sentAt,
                                e.toString()));
                    }
                });
            }, 0, 1_000_000 / perSecond, TimeUnit.MICROSECONDS);
            return load;
        }

        static Load run(int perSecond, Duration duration, Supplier<HttpRequest> next) throws InterruptedException {
            Load load = start(perSecond, duration, next);
            load.await();
            return load;
        }

        void await() throws InterruptedException {
            ticker.awaitTermination(duration.toSeconds() + 60, TimeUnit.SECONDS);
            senders.shutdown();
            senders.awaitTermination(60, TimeUnit.SECONDS);
        }

        List<Result> results() {
            return List.copyOf(results);
        }

        long slowestMillis() {
            return results.stream().mapToLong(Result::millis).max().orElse(0);
        }
    }

    private static void report(int drill, String name, boolean pass, Map<String, ?> counts) {
        System.out.printf("DRILL %d %s: %s %s%n", drill, name, pass ? "PASS" : "FAIL", counts);
        if (!pass) {
            printLogTails();
        }
    }

    /** The end of every process's log, for a failed drill: the stack's folder is deleted afterwards. */
    private static void printLogTails() {
        try (var logs = Files.list(stack.layout().logs())) {
            for (Path log : logs.sorted().toList()) {
                List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
                System.out.printf("  --- last lines of %s ---%n", log.getFileName());
                lines.subList(Math.max(0, lines.size() - 40), lines.size()).forEach(line -> System.out.println("  " + line));
            }
        } catch (Exception e) {
            System.out.println("  (the logs could not be read: " + e + ")");
        }
    }

    // --- HTTP and SQL helpers ---

    private static HttpRequest request(String method, String path, String json) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(stack.layout().gatewayUrl() + path))
                .timeout(Duration.ofSeconds(15)).header("Authorization", "Bearer " + officer);
        if (json == null) {
            return builder.method(method, HttpRequest.BodyPublishers.noBody()).build();
        }
        return builder.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private static HttpResponse<String> send(String method, String path, String json) {
        try {
            return HTTP.send(request(method, path, json), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> get(String path) {
        return send("GET", path, null);
    }

    private static long awaitStatus(String path, int status, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (get(path).statusCode() == status) {
                return System.nanoTime();
            }
            ServiceProcess.sleep(100);
        }
        return -1;
    }

    private static String body(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static int status(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static void setIneMode(String ine, String mode) throws Exception {
        HttpResponse<String> set = HTTP.send(HttpRequest.newBuilder(URI.create(ine + "/control/mode"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"mode\":\"" + mode + "\",\"delayMillis\":0}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
    }

    private static List<String> passportSlots() {
        LocalDate from = LocalDate.now().plusDays(1);
        String availability = get("/api/consular/consulates/SJC/availability?service=PASSPORT&from=" + from
                + "&to=" + from.plusDays(6)).body();
        List<String> starts = JsonFields.strings(availability, "startsAt");
        assertThat(starts).isNotEmpty();
        return starts;
    }

    private static String registration(String curp) {
        return """
                {"curp":"%s","givenNames":"Simulacro","firstSurname":"Prueba","dateOfBirth":"%s",
                 "address":{"line1":"1 Drill St","city":"San Jose","region":"CA","country":"US"},
                 "consulate":"SJC","consent":{"privacyNoticeVersion":"2026-01","accepted":true}}"""
                .formatted(curp, mx.gob.sre.platform.curp.Curp.parse(curp).birthDate());
    }

    private static String capture(String curp) {
        var parsed = mx.gob.sre.platform.curp.Curp.parse(curp);
        return """
                {"curp":"%s","givenNames":"Simulacro","firstSurname":"Prueba","dateOfBirth":"%s","sex":"%s",
                 "nationalityProof":"BIRTH_CERTIFICATE",
                 "addressAbroad":{"line1":"1 Drill St","city":"San Jose","country":"US"},
                 "proofOfAddressIssuedOn":"%s","addressInDistrict":true,"documentsVerified":true,
                 "biometrics":{"fingerprints":"urn:sre:biometrics:SJC:2026:9:fp",
                               "photo":"urn:sre:biometrics:SJC:2026:9:photo",
                               "signature":"urn:sre:biometrics:SJC:2026:9:sig"}}"""
                .formatted(curp, parsed.birthDate(), parsed.sex(), LocalDate.now().minusDays(10));
    }

    private static int occurrences(String text, String needle) {
        int count = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            count++;
        }
        return count;
    }

    private static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + stack.layout().postgresPort() + "/"
                + database, database, secrets.databasePassword(database));
    }

    private static int count(String database, String sql, List<String> values) throws SQLException {
        try (Connection connection = connect(database);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            if (values != null) {
                statement.setArray(1, connection.createArrayOf("text", values.toArray()));
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static List<String> strings(String database, String sql, List<String> values) throws SQLException {
        try (Connection connection = connect(database);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf("text", values.toArray()));
            List<String> found = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1));
                }
            }
            return found;
        }
    }
}
