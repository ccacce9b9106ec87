package mx.gob.sre.devstack;

import java.nio.file.Path;

/**
 * Where the local stack keeps its data and which ports it uses. Defaults: data under {@code .devstack/}
 * at the repository root; PostgreSQL on 15432 and Kafka on 19092, away from a developer's own.
 */
public record StackLayout(
        Path root,
        Path home,
        int postgresPort,
        int kafkaPort,
        int kafkaControllerPort,
        int identityProviderPort,
        int gatewayPort,
        int consularPort,
        int voterPort,
        int scholarshipPort,
        int ineSimulatorPort) {

    public static StackLayout defaults(Path root) {
        String home = System.getenv("DEVSTACK_HOME");
        return new StackLayout(root, home == null ? root.resolve(".devstack") : Path.of(home),
                15432, 19092, 19093, 8091, 8080, 8081, 8082, 8083, 8090);
    }

    public Path postgresData() {
        return home.resolve("postgres");
    }

    public Path kafkaData() {
        return home.resolve("kafka");
    }

    public Path logs() {
        return home.resolve("logs");
    }

    public Path secrets() {
        return home.resolve("secrets");
    }

    public Path pidFile() {
        return home.resolve("pids");
    }

    /** INE's API key at the gateway, written at seeding and read by the INE simulator for its callbacks. */
    public Path ineApiKeyFile() {
        return secrets().resolve("ine-api-key");
    }

    public Path credentialsFile() {
        return home.resolve("credentials.md");
    }

    public String issuer() {
        return "http://localhost:" + identityProviderPort + "/" + IdentityProvider.ISSUER_ID;
    }

    public String gatewayUrl() {
        return "http://localhost:" + gatewayPort;
    }

    public Path jar(String module) {
        return root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }
}
