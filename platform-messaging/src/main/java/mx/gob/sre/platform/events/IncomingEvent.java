package mx.gob.sre.platform.events;

import java.time.OffsetDateTime;

/** A CloudEvent read from Kafka, with its payload already parsed. */
public record IncomingEvent<T>(
        String id,
        String type,
        String source,
        String subject,
        OffsetDateTime time,
        String topic,
        String key,
        T data) {
}
