package mx.gob.sre.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import mx.gob.sre.platform.events.IncomingEvent;
import mx.gob.sre.platform.events.Shutdown;

/** What the inbox makes of a failed attempt: retried while running, handed back to Kafka once stopping. */
class EventInboxFailureTest {

    private final EventInbox inbox = new EventInbox(new ObjectMapper());
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final IncomingEvent<String> event = new IncomingEvent<>("event-1", "voter.application.status-changed.v1",
            "/voter", null, null, "voter.applications", "key", "data");

    EventInboxFailureTest() {
        inbox.registry = registry;
        inbox.shutdown = new Shutdown();
    }

    @Test
    void shouldRetryAndCountAFailureWhileTheServiceRuns() {
        IllegalStateException failure = new IllegalStateException("lock timeout");

        RuntimeException thrown = inbox.failed("consular.voter-applications", event, failure);

        assertThat(thrown).isSameAs(failure);
        assertThat(registry.counter("inbox.attempts.failed", "consumer", "consular.voter-applications").count())
                .isEqualTo(1.0);
    }

    @Test
    void shouldNotRetryAFailureOnceTheServiceIsStopping() {
        inbox.shutdown.begin(null);
        IllegalStateException failure = new IllegalStateException("EntityManagerFactory is closed");

        RuntimeException thrown = inbox.failed("consular.voter-applications", event, failure);

        assertThat(thrown).isInstanceOf(Shutdown.Interrupted.class).hasCause(failure);
        assertThat(registry.find("inbox.attempts.failed").counter()).isNull();
    }
}
