package mx.gob.sre.gateway.auth;

import java.util.Set;

/** A machine client as the hot path needs it: immutable, loaded from the database. */
public record ApiClientRecord(
        String clientId,
        String role,
        Set<String> scopes,
        String consulate,
        Integer requestsPerSecond,
        Integer bookingsPerMinute) {
}
