package mx.gob.sre.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports the broker as the relay sees it. The check stays UP while Kafka is unreachable: the service
 * keeps accepting writes and queues their events in the outbox, which is the point of the outbox. The
 * data shows whether the broker is reachable and how many events wait, for dashboards and drills.
 */
@Readiness
@ApplicationScoped
public class OutboxHealth implements HealthCheck {

    @Inject
    OutboxRelay relay;

    @Inject
    OutboxConfig config;

    @Inject
    KafkaProbe probe;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("kafka-outbox")
                .up()
                .withData("relay", config.relayEnabled() ? "running" : "disabled")
                .withData("broker", probe.reachable() ? "reachable" : "unreachable")
                .withData("lastRelayRound", relay.brokerHealthy() ? "ok" : "failed")
                .withData("pendingEvents", relay.pendingEvents())
                .build();
    }
}
