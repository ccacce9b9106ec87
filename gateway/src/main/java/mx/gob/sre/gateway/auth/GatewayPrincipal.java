package mx.gob.sre.gateway.auth;

import java.util.Set;

/**
 * Who is calling, after the gateway checked every credential: a user (from an OIDC token), an API
 * client (from an API key), or both when an app's backend calls on behalf of a signed-in citizen.
 */
public record GatewayPrincipal(
        String subject,
        Set<String> roles,
        String consulate,
        String curp,
        String clientId,
        Set<String> scopes,
        boolean hasUser,
        ApiClientRecord client) {

    public boolean hasClient() {
        return client != null;
    }

    /** The identity the rate limits and metrics use for "the client". */
    public String clientKey() {
        return clientId != null ? clientId : "user:" + subject;
    }
}
