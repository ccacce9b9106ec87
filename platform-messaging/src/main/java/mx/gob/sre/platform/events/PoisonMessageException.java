package mx.gob.sre.platform.events;

/**
 * An event that can never be processed: not a CloudEvent, unreadable payload, or data a consumer
 * refuses. It is not retried; the channel sends it to {@code <topic>.dlq} with this message as the
 * reason and moves on.
 */
public class PoisonMessageException extends RuntimeException {

    public PoisonMessageException(String reason) {
        super(reason);
    }

    public PoisonMessageException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
