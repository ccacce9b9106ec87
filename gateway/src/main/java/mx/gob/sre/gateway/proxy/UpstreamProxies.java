package mx.gob.sre.gateway.proxy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.circuitbreaker.OpenCircuitException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.StreamResetException;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyOptions;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import mx.gob.sre.gateway.GatewayConfig;
import mx.gob.sre.gateway.ProblemBodies;
import mx.gob.sre.gateway.Routes;
import mx.gob.sre.platform.problem.Problem;
import mx.gob.sre.platform.problem.ProblemType;
import mx.gob.sre.platform.web.RequestIds;

/**
 * Vert.x reverse proxies per upstream, with their connection pools, timeouts, retries and one circuit
 * breaker. Bodies are streamed both ways, never buffered whole.
 *
 * <p>Each upstream has one lane (client, pool and proxy) per event loop, up to its
 * {@code max-connections}, which the lanes share out. A Vert.x connection lives on the event loop that
 * opened it; with one pool for all loops, a request accepted on one loop was often sent on a connection
 * of another, and every such request crossed threads twice (a wake-up each way, seen with strace at full
 * load). A lane is only used from its own loop, so a request and its upstream connection stay on one
 * thread.
 */
@ApplicationScoped
public class UpstreamProxies {

    public static final CharSequence UPSTREAM_LATENCY_HEADER = HttpHeaders.createOptimized("X-Upstream-Latency");

    /**
     * The route of the request being handed to a proxy, from {@link #forward} to the interceptor:
     * vertx-http-proxy calls the interceptors before {@code handle} returns, on the same thread. It replaced
     * a private header and a second route match per request.
     */
    private static final ThreadLocal<Routes.Match> HANDED_OVER = new ThreadLocal<>();

    private final Map<String, Upstream> upstreams = new HashMap<>();
    private final MeterRegistry registry;

    @Inject
    public UpstreamProxies(Vertx vertx, GatewayConfig config, MeterRegistry registry) {
        this.registry = registry;
        int eventLoops = (int) StreamSupport.stream(vertx.nettyEventLoopGroup().spliterator(), false).count();
        config.upstreams().forEach((name, settings) -> upstreams.put(name, new Upstream(vertx, name, settings, eventLoops)));
    }

    public void forward(HttpServerRequest request, Routes.Match match) {
        HANDED_OVER.set(match);
        try {
            upstreams.get(match.upstreamName()).lane().handle(request);
        } finally {
            HANDED_OVER.remove();
        }
    }

    /**
     * How many connections each lane may open: {@code maxConnections} shared out over at most one lane per
     * event loop, never more in total, at least one per lane.
     */
    static int[] laneSizes(int maxConnections, int eventLoops) {
        int lanes = Math.max(1, Math.min(eventLoops, maxConnections));
        int[] sizes = new int[lanes];
        for (int i = 0; i < lanes; i++) {
            sizes[i] = Math.max(1, maxConnections / lanes + (i < maxConnections % lanes ? 1 : 0));
        }
        return sizes;
    }

    /** Open, half-open or closed, per upstream, for health and metrics. */
    public Map<String, String> breakerStates() {
        Map<String, String> states = new HashMap<>();
        upstreams.forEach((name, upstream) -> states.put(name, upstream.breaker.state().name()));
        return states;
    }

    @PreDestroy
    void close() {
        upstreams.values().forEach(upstream -> {
            upstream.breaker.close();
            upstream.lanes.forEach(lane -> lane.client().close());
        });
    }

    /** A client with its own pool, and the proxy that sends through it. */
    record Lane(HttpClient client, HttpProxy proxy) {
    }

    private final class Upstream implements ProxyInterceptor {
        final String name;
        final GatewayConfig.Upstream settings;
        final List<Lane> lanes = new ArrayList<>();
        /** The lane of each event-loop thread, given out in turn as the threads first forward. */
        final Map<Thread, Lane> laneOfThread = new ConcurrentHashMap<>();
        final AtomicInteger nextLane = new AtomicInteger();
        final CircuitBreaker breaker;
        final String host;
        final int port;

        Upstream(Vertx vertx, String name, GatewayConfig.Upstream settings, int eventLoops) {
            this.name = name;
            this.settings = settings;
            URI url = URI.create(settings.url());
            this.host = url.getHost();
            this.port = url.getPort() > 0 ? url.getPort() : ("https".equals(url.getScheme()) ? 443 : 80);
            this.breaker = CircuitBreaker.create("upstream-" + name, vertx, new CircuitBreakerOptions()
                    .setMaxFailures(settings.breaker().failureThreshold())
                    .setTimeout(-1)
                    .setFallbackOnFailure(false)
                    .setResetTimeout(settings.breaker().openFor().toMillis()));
            for (int size : laneSizes(settings.maxConnections(), eventLoops)) {
                HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                        .setSsl("https".equals(url.getScheme()))
                        .setMaxPoolSize(size)
                        .setKeepAlive(true)
                        .setConnectTimeout((int) settings.connectTimeout().toMillis()));
                HttpProxy proxy = HttpProxy.reverseProxy(new ProxyOptions().setSupportWebSocket(false), client)
                        .origin(context -> connect(client, context))
                        .addInterceptor(this);
                lanes.add(new Lane(client, proxy));
            }
        }

        /** The calling event loop's lane; other threads (none forward today) share the first. */
        HttpProxy lane() {
            if (!Context.isOnEventLoopThread()) {
                return lanes.get(0).proxy();
            }
            return laneOfThread.computeIfAbsent(Thread.currentThread(),
                    thread -> lanes.get(Math.floorMod(nextLane.getAndIncrement(), lanes.size()))).proxy();
        }

        private Future<HttpClientRequest> connect(HttpClient client, ProxyContext context) {
            HttpMethod method = context.request().getMethod();
            return connect(client, method, Routes.isIdempotent(method) ? settings.retries() : 0);
        }

        /** Retries a failed connection for idempotent methods only, counting each retry. */
        private Future<HttpClientRequest> connect(HttpClient client, HttpMethod method, int retriesLeft) {
            RequestOptions options = new RequestOptions()
                    .setHost(host)
                    .setPort(port)
                    .setConnectTimeout(settings.poolWait().toMillis())
                    .setIdleTimeout(settings.responseTimeout().toMillis());
            return client.request(options).recover(failure -> {
                if (isTimeout(failure) && !isConnectFailure(failure)) {
                    // Every pooled connection stayed busy for the whole wait: the service is saturated,
                    // not down. Shed this request (503) without counting it against the circuit.
                    return Future.failedFuture(new UpstreamBusy(failure));
                }
                if (retriesLeft == 0) {
                    return Future.failedFuture(failure);
                }
                retried(method, "connect");
                return connect(client, method, retriesLeft - 1);
            });
        }

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            ProxyRequest request = context.request();
            Routes.Match match = HANDED_OVER.get();
            if (match == null) {
                throw new IllegalStateException("a request reached the proxy without the route it was matched to");
            }
            request.setURI(match.upstreamUri(request.getURI()));

            HttpServerRequest incoming = request.proxiedRequest();
            LimitedStream limited = null;
            Body body = request.getBody();
            if (hasNoBody(incoming, body)) {
                // Sent without a body stream: nothing to pipe, and the request can be sent again as it is.
                request.setBody(null);
                if (!incoming.isEnded()) {
                    incoming.resume();
                }
            } else if (body.length() < 0) {
                limited = new LimitedStream(body.stream(), match.maxBodyBytes());
                request.setBody(Body.body(limited, -1));
            }
            LimitedStream limitedBody = limited;
            int resends = Routes.isIdempotent(incoming.method()) ? settings.retries() : 0;
            long started = System.nanoTime();
            return breaker.<Outcome>execute(promise -> send(context, limitedBody, resends).onComplete(result -> {
                if (result.succeeded()) {
                    promise.complete(new Outcome(result.result(), null));
                } else if (isTransportFailure(result.cause()) && (limitedBody == null || !limitedBody.exceeded())) {
                    promise.fail(result.cause());
                } else {
                    promise.complete(new Outcome(null, result.cause()));
                }
            })).map(outcome -> {
                if (outcome.failure() != null) {
                    throw new OutcomeFailure(outcome.failure());
                }
                ProxyResponse response = outcome.response();
                response.putHeader(UPSTREAM_LATENCY_HEADER, String.valueOf((System.nanoTime() - started) / 1_000_000));
                return response;
            }).recover(failure -> Future.succeededFuture(problem(context, unwrap(failure), limitedBody)));
        }

        /**
         * Sends the request upstream. When the connection it went on ended before any byte of an answer (the
         * service was killed, or closed a pooled connection just as it was taken), an idempotent request
         * whose body is empty goes again on another connection, counted as a retry, as nginx's
         * {@code proxy_next_upstream error} does. One that may have had an effect is answered 502.
         */
        private Future<ProxyResponse> send(ProxyContext context, LimitedStream limitedBody, int resendsLeft) {
            return context.sendRequest().recover(failure -> {
                ProxyRequest request = context.request();
                boolean emptyBody = request.getBody() == null || limitedBody != null && limitedBody.endedEmpty();
                if (resendsLeft == 0 || !emptyBody || !isConnectionLost(failure)
                        || request.proxiedRequest().response().closed()) {
                    return Future.failedFuture(failure);
                }
                request.setBody(null);
                retried(request.getMethod(), "connection-lost");
                return send(context, limitedBody, resendsLeft - 1);
            });
        }

        private void retried(HttpMethod method, String cause) {
            registry.counter("gateway.upstream.retries", "upstream", name, "method", method.name(), "cause", cause)
                    .increment();
        }

        private ProxyResponse problem(ProxyContext context, Throwable failure, LimitedStream limitedBody) {
            ProblemType type;
            String detail;
            if (limitedBody != null && limitedBody.exceeded()) {
                type = ProblemType.PAYLOAD_TOO_LARGE;
                detail = "The body is larger than this route accepts";
            } else if (isBusy(failure)) {
                type = ProblemType.UNAVAILABLE;
                detail = "The " + name + " service is at capacity; retry shortly";
            } else if (failure instanceof OpenCircuitException) {
                type = ProblemType.UNAVAILABLE;
                detail = "The " + name + " service is unavailable; retry shortly";
            } else if (isTimeout(failure)) {
                type = ProblemBodies.UPSTREAM_TIMEOUT;
                detail = "The " + name + " service did not answer in time";
            } else if (isConnectFailure(failure)) {
                type = ProblemType.UNAVAILABLE;
                detail = "The " + name + " service is unavailable; retry shortly";
            } else {
                type = ProblemBodies.BAD_GATEWAY;
                detail = "The " + name + " service failed to answer";
            }
            ProxyRequest request = context.request();
            HttpServerRequest incoming = request.proxiedRequest();
            // Not release(): it resumes the caller's request, and an HTTP/2 request whose body was read
            // throws there, which left the caller without an answer until it gave up (drill 4's failure).
            Body unsent = request.getBody();
            if (unsent != null && !incoming.isEnded()) {
                unsent.stream().resume();
            }
            request.setBody(null);
            ProxyResponse response = request.response()
                    .setStatusCode(type.status())
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .setBody(Body.body(ProblemBodies.body(type, detail, incoming.path(),
                            incoming.getHeader(RequestIds.HEADER))));
            if (type.status() == 503) {
                response.putHeader("Retry-After", isBusy(failure) ? "1"
                        : String.valueOf(settings.breaker().openFor().toSeconds()));
            }
            if (type.status() == 413) {
                response.putHeader("Connection", "close");
            }
            return response;
        }
    }

    private record Outcome(ProxyResponse response, Throwable failure) {
    }

    private static final class OutcomeFailure extends RuntimeException {
        OutcomeFailure(Throwable cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof OutcomeFailure ? failure.getCause() : failure;
    }

    /**
     * Whether an HTTP/1.x request has no body: neither Content-Length nor Transfer-Encoding (RFC 9112, 6.3),
     * or a length of zero. An HTTP/2 request can carry a body without either, so its body is streamed.
     */
    static boolean hasNoBody(HttpServerRequest request, Body body) {
        return body == null || body.length() == 0 || request.version() != HttpVersion.HTTP_2 && body.length() < 0
                && !request.headers().contains(HttpHeaders.TRANSFER_ENCODING);
    }

    /** The connection of a sent request ended or failed before an answer came, not at connect or timeout. */
    static boolean isConnectionLost(Throwable failure) {
        return !isBusy(failure) && !isConnectFailure(failure) && !isTimeout(failure)
                && anyCause(failure, cause -> cause instanceof HttpClosedException
                        || cause instanceof StreamResetException || cause instanceof IOException);
    }

    static boolean isTransportFailure(Throwable failure) {
        return !isBusy(failure) && (isConnectFailure(failure) || isTimeout(failure));
    }

    static boolean isBusy(Throwable failure) {
        return anyCause(failure, cause -> cause instanceof UpstreamBusy);
    }

    /** No pooled connection to the upstream became free within the pool wait. */
    static final class UpstreamBusy extends RuntimeException {
        UpstreamBusy(Throwable cause) {
            super("no connection to the upstream became free in time", cause, false, false);
        }
    }

    static boolean isConnectFailure(Throwable failure) {
        return anyCause(failure, cause -> cause instanceof ConnectException
                || cause.getClass().getName().endsWith("ConnectTimeoutException"));
    }

    static boolean isTimeout(Throwable failure) {
        return anyCause(failure, cause -> cause instanceof TimeoutException
                || cause.getClass().getSimpleName().contains("TimeoutException")
                        && !cause.getClass().getName().endsWith("ConnectTimeoutException")
                || cause.getMessage() != null && cause.getMessage().contains("timeout period"));
    }

    /** Whether the failure or any of its causes matches. */
    private static boolean anyCause(Throwable failure, Predicate<Throwable> test) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (test.test(cause)) {
                return true;
            }
        }
        return false;
    }
}
