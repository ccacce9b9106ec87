package mx.gob.sre.platform.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.ShutdownEvent;

/**
 * Whether the service has begun to stop. Quarkus fires {@link ShutdownEvent} before it closes Hibernate
 * and the other beans, while a consumer may still be applying an event; that event's failure from then on
 * says nothing about the event, so it is neither retried nor dead-lettered: it stays uncommitted and
 * Kafka delivers it again after the restart, where the inbox applies it once.
 */
@ApplicationScoped
public class Shutdown {

    private volatile boolean begun;

    public void begin(@Observes ShutdownEvent event) {
        begun = true;
    }

    public boolean begun() {
        return begun;
    }

    /** Thrown instead of an event's failure once the service is stopping; never retried. */
    public static final class Interrupted extends RuntimeException {
        public Interrupted(Throwable cause) {
            super("the service is stopping; the event will be delivered again", cause);
        }
    }
}
