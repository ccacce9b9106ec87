package mx.gob.sre.devstack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import mx.gob.sre.testsupport.EmbeddedKafkaBroker;
import mx.gob.sre.testsupport.EmbeddedPostgresServer;

/**
 * The local stack: {@code up} starts PostgreSQL (one database per service), a Kafka broker, the
 * development identity provider, the INE simulator and the four services, waits until each is ready,
 * seeds personas and demo data, prints the URLs, and on Ctrl-C stops everything it started.
 * {@code token <persona>} prints a user token; {@code reset} deletes the stack's data.
 */
public final class DevStack implements AutoCloseable {

    static final List<String> DATABASES = List.of("consular", "voter", "scholarship", "gateway");

    private final StackLayout layout;
    private final PrintStream out;
    private final List<AutoCloseable> started = new ArrayList<>();
    private final List<ServiceProcess> services = new ArrayList<>();
    private final Map<String, Map<String, String>> environments = new HashMap<>();
    private final Map<String, Integer> ports = new HashMap<>();
    private final Map<String, ClassDataArchive> archives = new HashMap<>();
    private EmbeddedPostgresServer postgres;
    private Process kafkaProcess;

    private DevStack(StackLayout layout, PrintStream out) {
        this.layout = layout;
        this.out = out;
    }

    public static void main(String[] args) {
        Path root = Path.of(System.getProperty("suite.root", ".")).toAbsolutePath().normalize();
        StackLayout layout = StackLayout.defaults(root);
        String command = args.length == 0 ? "up" : args[0];
        switch (command) {
            case "up" -> runUntilInterrupted(layout);
            case "token" -> {
                if (args.length != 2) {
                    System.err.println("usage: suite token <persona>; personas: "
                            + IdentityProvider.PERSONAS.keySet());
                    System.exit(2);
                }
                System.out.println(IdentityProvider.token(layout.identityProviderPort(), args[1]));
            }
            case "internal-token" -> {
                if (args.length != 2 || !IdentityProvider.PERSONAS.containsKey(args[1])) {
                    System.err.println("usage: suite internal-token <persona>; personas: "
                            + IdentityProvider.PERSONAS.keySet());
                    System.exit(2);
                }
                System.out.println(IdentityProvider.internalToken(Secrets.loadOrCreate(layout.secrets()), args[1]));
            }
            case "reset" -> {
                reset(layout);
                System.out.println("Deleted " + layout.home());
            }
            default -> {
                System.err.println("usage: suite [up|token <persona>|internal-token <persona>|reset]");
                System.exit(2);
            }
        }
    }

    private static void runUntilInterrupted(StackLayout layout) {
        CountDownLatch stopped = new CountDownLatch(1);
        DevStack stack = new DevStack(layout, System.out);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping the suite...");
            stack.close();
            stopped.countDown();
        }, "devstack-stop"));
        try {
            stack.start();
        } catch (RuntimeException | Error e) {
            System.err.println("The suite did not start: " + e);
            System.exit(1);
        }
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts a stack with the given layout; used by the launcher and by the end-to-end test. */
    public static DevStack start(StackLayout layout, PrintStream out) {
        DevStack stack = new DevStack(layout, out);
        try {
            stack.start();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void start() {
        long began = System.nanoTime();
        try {
            Files.createDirectories(layout.logs());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int leftovers = ProcessControl.stopLeftovers(layout.pidFile());
        if (leftovers > 0) {
            out.println("Stopped " + leftovers + " process(es) left by an earlier run");
        }
        Secrets secrets = Secrets.loadOrCreate(layout.secrets());

        out.println("Starting PostgreSQL on " + layout.postgresPort() + " (data in " + layout.postgresData() + ")");
        postgres = EmbeddedPostgresServer.startPersistent(layout.postgresData(), layout.postgresPort());
        for (String database : DATABASES) {
            postgres.createDatabase(database, database, secrets.databasePassword(database));
        }

        out.println("Starting Kafka on " + layout.kafkaPort());
        String bootstrapServers;
        if (Boolean.getBoolean("devstack.kafka.own-process")) {
            startKafkaProcess();
            bootstrapServers = "127.0.0.1:" + layout.kafkaPort();
        } else {
            EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.startPersistent(layout.kafkaData(), layout.kafkaPort(),
                    layout.kafkaControllerPort());
            started.add(kafka);
            bootstrapServers = kafka.bootstrapServers();
        }

        out.println("Starting the identity provider on " + layout.identityProviderPort());
        IdentityProvider idp = IdentityProvider.start(layout.identityProviderPort());
        started.add(idp);

        Map<String, String> common = new HashMap<>();
        common.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        common.put("INTERNAL_JWT_PUBLIC_KEY", secrets.internalPublicKey());
        common.put("SUITE_CRYPTO_KEYS", secrets.fieldKeys());
        common.put("SUITE_CRYPTO_ACTIVE_KEY", "dev-1");
        Map<String, String> ine = new HashMap<>();
        ine.put("INE_SUBMISSION_SECRET", secrets.ineSubmissionSecret());
        ine.put("INE_CALLBACK_SECRET", secrets.ineCallbackSecret());
        ine.put("INE_CALLBACK_URL", layout.gatewayUrl() + "/api/voter/ine/callbacks");
        ine.put("INE_API_KEY_FILE", layout.ineApiKeyFile().toString());
        ine.put("INE_STEP_INTERVAL", System.getProperty("devstack.ine.step-interval",
                System.getenv().getOrDefault("DEVSTACK_INE_STEP_INTERVAL", "5s")));
        List<Launch> launches = new ArrayList<>();
        launches.add(new Launch("ine-simulator", layout.ineSimulatorPort(), ine));
        Map<String, String> consular = withDatabase(common, postgres, secrets, "consular");
        consular.put("VOTER_URL", "http://localhost:" + layout.voterPort());
        consular.put("SCHOLARSHIP_URL", "http://localhost:" + layout.scholarshipPort());
        launches.add(new Launch("consular-service", layout.consularPort(), consular));
        Map<String, String> voter = withDatabase(common, postgres, secrets, "voter");
        voter.put("INE_URL", "http://localhost:" + layout.ineSimulatorPort());
        voter.put("INE_SUBMISSION_SECRET", secrets.ineSubmissionSecret());
        voter.put("INE_CALLBACK_SECRET", secrets.ineCallbackSecret());
        launches.add(new Launch("voter-registration-service", layout.voterPort(), voter));
        launches.add(new Launch("scholarship-service", layout.scholarshipPort(),
                withDatabase(common, postgres, secrets, "scholarship")));
        Map<String, String> gateway = withDatabase(Map.of(), postgres, secrets, "gateway");
        gateway.put("INTERNAL_JWT_PRIVATE_KEY", secrets.internalPrivateKey());
        gateway.put("OIDC_JWKS_URL", idp.jwksUrl());
        gateway.put("OIDC_ISSUER", layout.issuer());
        gateway.put("CONSULAR_URL", "http://localhost:" + layout.consularPort());
        gateway.put("VOTER_URL", "http://localhost:" + layout.voterPort());
        gateway.put("SCHOLARSHIP_URL", "http://localhost:" + layout.scholarshipPort());
        gateway.put("CORS_ORIGINS", "http://localhost:3000,http://localhost:" + layout.gatewayPort());
        launches.add(new Launch("gateway", layout.gatewayPort(), gateway));

        trainClassDataArchives(launches);
        for (Launch launch : launches) {
            launch(launch.module(), launch.port(), launch.environment());
        }

        for (ServiceProcess service : services) {
            service.awaitReady(Duration.ofSeconds(120));
            out.println("  ready: " + service.name() + " " + service.url());
        }
        new Seeder(layout).seed();
        out.printf("""

                The suite is up in %.1f s.
                  Gateway           %s   (Swagger UI: %s/q/swagger-ui)
                  consular-service  http://localhost:%d
                  voter-service     http://localhost:%d
                  scholarship       http://localhost:%d
                  INE simulator     http://localhost:%d
                  Identity provider http://localhost:%d/%s
                  PostgreSQL        localhost:%d    Kafka localhost:%d
                Credentials: %s
                Logs:        %s
                Press Ctrl-C to stop everything.
                """, (System.nanoTime() - began) / 1e9, layout.gatewayUrl(), layout.gatewayUrl(),
                layout.consularPort(), layout.voterPort(), layout.scholarshipPort(), layout.ineSimulatorPort(),
                layout.identityProviderPort(), IdentityProvider.ISSUER_ID, layout.postgresPort(), layout.kafkaPort(),
                layout.credentialsFile(), layout.logs());
    }

    private Map<String, String> withDatabase(Map<String, String> base, EmbeddedPostgresServer postgres,
            Secrets secrets, String database) {
        Map<String, String> environment = new HashMap<>(base);
        environment.put("DB_URL", postgres.jdbcUrl(database));
        environment.put("DB_USER", database);
        environment.put("DB_PASSWORD", secrets.databasePassword(database));
        return environment;
    }

    /** A service to start: its module, port and environment. */
    private record Launch(String module, int port, Map<String, String> environment) {
    }

    private void launch(String module, int port, Map<String, String> environment) {
        environment = withOverrides(environment);
        List<String> options = new ArrayList<>(javaOptions(module));
        if (ClassDataArchive.enabled(System.getenv()) && archive(module).exists()) {
            options.addAll(archive(module).useOptions());
        }
        ServiceProcess service = ServiceProcess.start(module, layout.jar(module), port, environment,
                layout.logs().resolve(module + ".log"), options);
        ProcessControl.record(layout.pidFile(), module, service.pid());
        services.add(service);
        environments.put(module, environment);
        ports.put(module, port);
    }

    /**
     * Trains the class-data archive of every service that has none for its build (ClassDataArchive): they
     * start at once, each with its own settings, and are stopped once all are live; each JVM writes its
     * archive as it exits. Once per build; a training that fails only costs the speed-up.
     */
    private void trainClassDataArchives(List<Launch> launches) {
        if (!ClassDataArchive.enabled(System.getenv())) {
            return;
        }
        List<Launch> untrained = launches.stream().filter(launch -> !archive(launch.module()).exists()).toList();
        if (untrained.isEmpty()) {
            return;
        }
        out.println("Training the class-data archives of " + untrained.size()
                + " service(s) for faster starts (once per build)...");
        long began = System.nanoTime();
        Map<String, ServiceProcess> training = new LinkedHashMap<>();
        for (Launch launch : untrained) {
            List<String> options = new ArrayList<>(javaOptions(launch.module()));
            options.addAll(archive(launch.module()).trainingOptions());
            ServiceProcess process = ServiceProcess.start(launch.module(), layout.jar(launch.module()),
                    launch.port(), withOverrides(launch.environment()),
                    layout.logs().resolve(launch.module() + ".training.log"), options);
            ProcessControl.record(layout.pidFile(), launch.module() + "-training", process.pid());
            training.put(launch.module(), process);
        }
        Set<String> neverLive = new HashSet<>();
        training.forEach((module, process) -> {
            try {
                process.awaitLive(Duration.ofSeconds(120));
            } catch (RuntimeException e) {
                neverLive.add(module);
            }
        });
        training.values().forEach(ServiceProcess::requestStop);
        training.forEach((module, process) -> {
            boolean exited = process.awaitExit(Duration.ofSeconds(60));
            if (neverLive.contains(module) || !exited || !archive(module).keepTrained()) {
                archive(module).discardTraining();
                out.println("  no class-data archive for " + module + "; see "
                        + layout.logs().resolve(module + ".training.log"));
            }
        });
        out.printf("  trained in %.1f s%n", (System.nanoTime() - began) / 1e9);
    }

    /** The class-data archive of a module's build, named once per run of the launcher (the build stays). */
    private ClassDataArchive archive(String module) {
        return archives.computeIfAbsent(module, name -> ClassDataArchive.forJar(layout.jar(name)));
    }

    private static List<String> javaOptions(String module) {
        return javaOptions(System.getenv(), module);
    }

    /**
     * The JVM options of a service: DEVSTACK_JAVA_OPTS (every service), then DEVSTACK_JAVA_OPTS_ and the
     * module's name in capitals with underscores, e.g. DEVSTACK_JAVA_OPTS_VOTER_REGISTRATION_SERVICE (that
     * one only; bench/run sets it from the module's ConfigMap in k8s/base, as the manifests do).
     */
    static List<String> javaOptions(Map<String, String> environment, String module) {
        String options = environment.getOrDefault("DEVSTACK_JAVA_OPTS", "-Xms64m -Xmx256m -XX:+UseSerialGC")
                + " " + environment.getOrDefault("DEVSTACK_JAVA_OPTS_" + module.toUpperCase(Locale.ROOT).replace('-', '_'), "");
        return Arrays.stream(options.trim().split("\\s+")).filter(option -> !option.isEmpty()).toList();
    }

    /** -Ddevstack.env.NAME=value adds NAME=value to every service (the fault drills tune retries with it). */
    private static Map<String, String> withOverrides(Map<String, String> environment) {
        Map<String, String> result = new HashMap<>(environment);
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith("devstack.env.")) {
                result.put(name.substring("devstack.env.".length()), System.getProperty(name));
            }
        }
        return result;
    }

    private ServiceProcess service(String module) {
        return services.stream().filter(service -> service.name().equals(module)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no running service " + module));
    }

    // --- Fault injection, for the fault drills (bench/README.md) ---

    /** SIGKILLs a service, as a crash would, and waits until it is gone. */
    public void kill(String module) {
        ServiceProcess service = service(module);
        service.kill();
        services.remove(service);
    }

    /** Starts a killed service again with the same settings, and waits until it is ready. */
    public void restart(String module, Duration timeout) {
        launch(module, ports.get(module), environments.get(module));
        service(module).awaitReady(timeout);
    }

    /** Stops PostgreSQL (fast shutdown: connections are cut) and starts it again on the same data. */
    public void restartPostgres(Duration down) {
        postgres.close();
        ServiceProcess.sleep(down.toMillis());
        postgres = EmbeddedPostgresServer.startPersistent(layout.postgresData(), layout.postgresPort());
    }

    /** SIGKILLs the broker; only with -Ddevstack.kafka.own-process=true. */
    public void killKafka() {
        if (kafkaProcess == null) {
            throw new IllegalStateException(
                    "Kafka runs inside the launcher; start with -Ddevstack.kafka.own-process=true");
        }
        ProcessControl.kill(kafkaProcess.toHandle());
        kafkaProcess = null;
    }

    /** Starts the broker process on the same log folder and waits until it accepts connections. */
    public void startKafkaProcess() {
        List<String> command = List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), KafkaProcess.class.getName(),
                layout.kafkaData().toString(), String.valueOf(layout.kafkaPort()),
                String.valueOf(layout.kafkaControllerPort()));
        Path log = layout.logs().resolve("kafka.log");
        long logged;
        try {
            logged = Files.exists(log) ? Files.size(log) : 0;
            kafkaProcess = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start Kafka", e);
        }
        ProcessControl.record(layout.pidFile(), "kafka", kafkaProcess.pid());
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!kafkaProcess.isAlive()) {
                throw new IllegalStateException("Kafka exited; see " + log);
            }
            try {
                byte[] written = Files.readAllBytes(log);
                if (written.length > logged && new String(written, (int) logged, written.length - (int) logged,
                        StandardCharsets.UTF_8).contains("Kafka is up on ")) {
                    return;
                }
            } catch (IOException ignored) {
                // not written yet
            }
            ServiceProcess.sleep(200);
        }
        throw new IllegalStateException("Kafka was not up within 60 s");
    }

    public StackLayout layout() {
        return layout;
    }

    @Override
    public void close() {
        List<ServiceProcess> reversed = new ArrayList<>(services);
        java.util.Collections.reverse(reversed);
        reversed.parallelStream().forEach(ServiceProcess::stop);
        services.clear();
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                out.println("Could not stop " + started.get(i).getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
        started.clear();
        if (kafkaProcess != null) {
            ProcessControl.terminate(kafkaProcess.toHandle(), 10);
            kafkaProcess = null;
        }
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
        try {
            Files.deleteIfExists(layout.pidFile());
        } catch (IOException ignored) {
            // the next start cleans up
        }
    }

    static void reset(StackLayout layout) {
        ProcessControl.stopLeftovers(layout.pidFile());
        if (!Files.exists(layout.home())) {
            return;
        }
        try {
            EmbeddedPostgresServer.stopOrphan(layout.postgresData());
            try (Stream<Path> paths = Files.walk(layout.home())) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
