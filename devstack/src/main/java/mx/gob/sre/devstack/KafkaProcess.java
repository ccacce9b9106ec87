package mx.gob.sre.devstack;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import mx.gob.sre.testsupport.EmbeddedKafkaBroker;

/**
 * The stack's Kafka broker in a process of its own, so that a fault drill can SIGKILL it as a real broker
 * dies: {@code java -cp <classpath> mx.gob.sre.devstack.KafkaProcess <log-dir> <port> <controller-port>}.
 */
public final class KafkaProcess {

    private KafkaProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startPersistent(Path.of(args[0]), Integer.parseInt(args[1]),
                Integer.parseInt(args[2]));
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "kafka-shutdown"));
        System.out.println("Kafka is up on " + broker.bootstrapServers());
        new CountDownLatch(1).await();
    }
}
