package mx.gob.sre.gateway;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.vertx.core.http.HttpMethod;
import mx.gob.sre.gateway.auth.Authenticator;

/** The route table: which upstream serves a path, and with what limits and policy. */
@ApplicationScoped
public class Routes {

    /**
     * A route chosen for a request, with everything the gateway asks of it per request worked out once, when
     * the table is built: no lookups, copies or optionals on the request path.
     */
    public record Match(String name, GatewayConfig.Route route, String upstreamName, GatewayConfig.Upstream upstream,
            long maxBodyBytes, Set<String> userRoles, Set<String> clientRoles, String readScope, String writeScope) {

        static Match of(String name, GatewayConfig.Route route, GatewayConfig.Upstream upstream) {
            String upstreamName = route.upstream();
            return new Match(name, route, upstreamName, upstream,
                    route.maxBodySize().orElse(upstream.maxBodySize()).asLongValue(),
                    route.userRoles().<Set<String>>map(Set::copyOf).orElse(Authenticator.USER_ROLES),
                    route.clientRoles().<Set<String>>map(Set::copyOf).orElse(Authenticator.CLIENT_ROLES),
                    route.scope().orElse(upstreamName + ":read"),
                    route.scope().orElse(upstreamName + ":write"));
        }

        /** The path as the upstream sees it: without the public mount. */
        public String upstreamUri(String uri) {
            String rest = uri.substring(upstream.mount().length());
            return rest.isEmpty() || rest.charAt(0) == '?' ? "/" + rest : rest;
        }

        /**
         * The scope an API-key client needs for this method: the route's own, else {@code <upstream>:read} for
         * safe methods and {@code <upstream>:write} for the others.
         */
        public String requiredScope(HttpMethod method) {
            return isSafe(method) ? readScope : writeScope;
        }
    }

    private record Entry(String prefix, Set<String> methods, Match match) {
    }

    private final List<Entry> entries = new ArrayList<>();

    @Inject
    public Routes(GatewayConfig config) {
        config.routes().forEach((name, route) -> {
            GatewayConfig.Upstream upstream = config.upstreams().get(route.upstream());
            if (upstream == null) {
                throw new IllegalStateException("Route " + name + " names unknown upstream " + route.upstream());
            }
            Set<String> methods = route.methods().orElse(List.of()).stream()
                    .map(method -> method.toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
            entries.add(new Entry(route.prefix(), methods, Match.of(name, route, upstream)));
        });
        entries.sort(Comparator.<Entry>comparingInt(entry -> entry.prefix().length()).reversed()
                .thenComparing(entry -> entry.methods().isEmpty()));
    }

    /** The route of a request: the longest prefix on a segment boundary that takes its method; null if none. */
    public Match find(HttpMethod method, String path) {
        for (Entry entry : entries) {
            String prefix = entry.prefix();
            boolean under = path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
            if (under && (entry.methods().isEmpty() || entry.methods().contains(method.name()))) {
                return entry.match();
            }
        }
        return null;
    }

    public static boolean isSafe(HttpMethod method) {
        return method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS;
    }

    public static boolean isIdempotent(HttpMethod method) {
        return isSafe(method) || method == HttpMethod.PUT || method == HttpMethod.DELETE;
    }
}
