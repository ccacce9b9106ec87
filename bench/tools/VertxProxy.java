import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

/**
 * A bare Vert.x reverse proxy, the second reference peer of scenario 1 beside nginx: the gateway's own
 * HTTP stack (vertx-core, vertx-http-proxy and Netty, the same jars and JVM options) with nothing of the
 * gateway on it: no Quarkus, no authentication, rate limits, tokens, logs or metrics. One server and one
 * connection pool per event loop, as the gateway's lanes. What it costs per request against nginx is the
 * stack's share of the gap; what the gateway costs above it is the gateway's work.
 *
 * <pre>java -cp &lt;gateway's vertx, netty and jackson jars&gt; bench/tools/VertxProxy.java &lt;port&gt; &lt;upstream port&gt; &lt;mount&gt; &lt;event loops&gt;</pre>
 */
public class VertxProxy extends AbstractVerticle {

    private final int port;
    private final int upstreamPort;
    private final String mount;

    VertxProxy(int port, int upstreamPort, String mount) {
        this.port = port;
        this.upstreamPort = upstreamPort;
        this.mount = mount;
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        int upstreamPort = Integer.parseInt(args[1]);
        String mount = args[2];
        int loops = Integer.parseInt(args[3]);
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops));
        vertx.deployVerticle(() -> new VertxProxy(port, upstreamPort, mount), new DeploymentOptions().setInstances(loops))
                .onComplete(deployed -> {
                    if (deployed.failed()) {
                        deployed.cause().printStackTrace();
                        System.exit(1);
                    }
                    System.out.println("VertxProxy listening on " + port);
                });
    }

    @Override
    public void start() {
        HttpProxy proxy = HttpProxy.reverseProxy(vertx.createHttpClient(
                        new HttpClientOptions().setMaxPoolSize(100).setKeepAlive(true)))
                .origin(upstreamPort, "127.0.0.1")
                .addInterceptor(new ProxyInterceptor() {
                    @Override
                    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
                        String uri = context.request().getURI();
                        if (uri.startsWith(mount)) {
                            context.request().setURI(uri.substring(mount.length()));
                        }
                        return context.sendRequest();
                    }
                });
        vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port))
                .requestHandler(proxy)
                .listen();
    }
}
