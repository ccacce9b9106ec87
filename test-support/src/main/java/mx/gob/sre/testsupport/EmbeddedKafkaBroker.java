package mx.gob.sre.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.apache.kafka.common.utils.Time;

import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;

/**
 * A real Kafka broker in KRaft mode (combined broker and controller, replication factor 1) running in
 * this JVM. It can be stopped and started again on the same ports and log folder, which the tests use to
 * make the broker unreachable for a while.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final String CLUSTER_ID = "MkU3OEVBNTcwNTJENDM2Qk";

    private final Path logDirectory;
    private final int port;
    private final int controllerPort;
    private volatile KafkaRaftServer server;

    private EmbeddedKafkaBroker(Path logDirectory, int port, int controllerPort) {
        this.logDirectory = logDirectory;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /** A throw-away broker on free ports. */
    public static EmbeddedKafkaBroker startForTests() {
        try {
            Path directory = Files.createTempDirectory("suite-kafka-");
            directory.toFile().deleteOnExit();
            EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(directory, FreePorts.next(), FreePorts.next());
            broker.start();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A broker whose log folder survives restarts. */
    public static EmbeddedKafkaBroker startPersistent(Path logDirectory, int port, int controllerPort) {
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(logDirectory, port, controllerPort);
        broker.start();
        return broker;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            Files.createDirectories(logDirectory);
            Properties config = config();
            format(config);
            KafkaRaftServer raftServer = newServer(config);
            raftServer.startup();
            server = raftServer;
        } catch (IOException e) {
            throw new UncheckedIOException("Kafka did not start", e);
        }
    }

    public synchronized void stop() {
        KafkaRaftServer running = server;
        if (running == null) {
            return;
        }
        running.shutdown();
        running.awaitShutdown();
        server = null;
    }

    public boolean isRunning() {
        return server != null;
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * KafkaConfig's parent class lives in kafka-server, which the Quarkus BOM does not manage; creating
     * it reflectively keeps that jar a runtime dependency at the BOM's Kafka version.
     */
    private static KafkaRaftServer newServer(Properties config) {
        try {
            Class<?> configClass = Class.forName("kafka.server.KafkaConfig");
            Object kafkaConfig = configClass.getMethod("fromProps", Properties.class, boolean.class)
                    .invoke(null, config, false);
            return (KafkaRaftServer) KafkaRaftServer.class.getConstructor(configClass, Time.class)
                    .newInstance(kafkaConfig, Time.SYSTEM);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create the Kafka server", e);
        }
    }

    private Properties config() {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("log.dirs", logDirectory.toAbsolutePath().toString());
        props.put("num.partitions", "3");
        props.put("default.replication.factor", "1");
        props.put("min.insync.replicas", "1");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "5");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "3");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("auto.create.topics.enable", "true");
        props.put("log.retention.hours", "168");
        props.put("controlled.shutdown.enable", "true");
        return props;
    }

    private void format(Properties config) throws IOException {
        Path file = logDirectory.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(file)) {
            config.store(out, "embedded broker");
        }
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        int exit = StorageTool.execute(new String[] {"format", "-t", CLUSTER_ID, "-c", file.toString(),
            "--ignore-formatted"}, new PrintStream(log, true, StandardCharsets.UTF_8));
        if (exit != 0) {
            throw new IllegalStateException("Kafka storage format failed: " + log.toString(StandardCharsets.UTF_8));
        }
    }
}
