package mx.gob.sre.gateway;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.vertx.core.http.HttpMethod;

/** The route table: which upstream serves a path, and with what limits and policy. */
@ApplicationScoped
public class Routes {

    /** A route chosen for a request. */
    public record Match(String name, GatewayConfig.Route route, String upstreamName, GatewayConfig.Upstream upstream) {

        public long maxBodyBytes() {
            return route.maxBodySize().orElse(upstream.maxBodySize()).asLongValue();
        }

        /** The path as the upstream sees it: without the public mount. */
        public String upstreamUri(String uri) {
            String rest = uri.substring(upstream.mount().length());
            return rest.isEmpty() || rest.charAt(0) == '?' ? "/" + rest : rest;
        }

        /** The scope an API-key client needs for this method. */
        public String requiredScope(HttpMethod method) {
            return route.scope().orElseGet(() -> upstreamName + (isSafe(method) ? ":read" : ":write"));
        }
    }

    private record Entry(String name, GatewayConfig.Route route, Set<String> methods) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final GatewayConfig config;

    @Inject
    public Routes(GatewayConfig config) {
        this.config = config;
        config.routes().forEach((name, route) -> {
            if (!config.upstreams().containsKey(route.upstream())) {
                throw new IllegalStateException("Route " + name + " names unknown upstream " + route.upstream());
            }
            Set<String> methods = route.methods().orElse(List.of()).stream()
                    .map(method -> method.toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
            entries.add(new Entry(name, route, methods));
        });
        entries.sort(Comparator.<Entry>comparingInt(entry -> entry.route().prefix().length()).reversed()
                .thenComparing(entry -> entry.methods().isEmpty()));
    }

    public Optional<Match> match(HttpMethod method, String path) {
        for (Entry entry : entries) {
            String prefix = entry.route().prefix();
            boolean under = path.equals(prefix) || (path.startsWith(prefix) && path.charAt(prefix.length()) == '/');
            if (under && (entry.methods().isEmpty() || entry.methods().contains(method.name()))) {
                String upstreamName = entry.route().upstream();
                return Optional.of(new Match(entry.name(), entry.route(), upstreamName,
                        config.upstreams().get(upstreamName)));
            }
        }
        return Optional.empty();
    }

    public static boolean isSafe(HttpMethod method) {
        return method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS;
    }

    public static boolean isIdempotent(HttpMethod method) {
        return isSafe(method) || method == HttpMethod.PUT || method == HttpMethod.DELETE;
    }
}
