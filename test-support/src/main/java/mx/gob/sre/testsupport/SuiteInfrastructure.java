package mx.gob.sre.testsupport;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts a real PostgreSQL and a real Kafka broker once per test JVM and points the service under test
 * at them. Init arg {@code database} names the service's database (default {@code app}).
 *
 * <pre>
 * &#64;QuarkusTest
 * &#64;WithTestResource(value = SuiteInfrastructure.class, initArgs = &#64;ResourceArg(name = "database", value = "consular"))
 * </pre>
 */
public class SuiteInfrastructure implements QuarkusTestResourceLifecycleManager {

    /** A field-encryption key made for this test JVM. */
    private static final String FIELD_KEY = randomKey();

    private static EmbeddedPostgresServer postgres;
    private static EmbeddedKafkaBroker kafka;

    private String database = "app";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        startShared();
        postgres.createDatabase(database, database, database);
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(database));
        config.put("quarkus.datasource.username", database);
        config.put("quarkus.datasource.password", database);
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        config.put("mp.jwt.verify.publickey", TestTokens.publicKeyPem());
        config.put("mp.jwt.verify.issuer", TestTokens.ISSUER);
        config.put("suite.crypto.keys", "test-1:" + FIELD_KEY);
        config.put("suite.crypto.active-key", "test-1");
        return config;
    }

    @Override
    public void stop() {
        // Shared for the whole JVM; stopped by the shutdown hook.
    }

    /** Starts the shared servers once; safe to call from anywhere in the test JVM. */
    public static synchronized void startShared() {
        if (postgres == null) {
            postgres = EmbeddedPostgresServer.startForTests();
            kafka = EmbeddedKafkaBroker.startForTests();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                kafka.close();
                postgres.close();
            }, "suite-infrastructure-stop"));
        }
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return java.util.Base64.getEncoder().encodeToString(key);
    }

    public static EmbeddedPostgresServer postgres() {
        startShared();
        return postgres;
    }

    public static EmbeddedKafkaBroker kafka() {
        startShared();
        return kafka;
    }
}
