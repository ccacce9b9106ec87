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

    /** The value of the {@code client} tag of calls made with a user token alone. */
    public static final String USER_TOKEN = "user-token";

    /** The identity the rate limits and the access log use for "the client". */
    public String clientKey() {
        return clientId != null ? clientId : "user:" + subject;
    }

    /**
     * The client as metrics tag it: the API client, or {@value #USER_TOKEN} for every call with a user token
     * alone. Tagged by user, the timers grew a series per citizen, each naming a person's account.
     */
    public String meteredClient() {
        return clientId != null ? clientId : USER_TOKEN;
    }
}
