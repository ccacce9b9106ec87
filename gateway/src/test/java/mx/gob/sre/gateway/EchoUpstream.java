package mx.gob.sre.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in service for the gateway tests: it answers with what it received (method, path, selected
 * headers, body size), so tests can see exactly what the gateway forwarded. {@code /slow} answers after
 * three seconds.
 */
final class EchoUpstream {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ECHOED = List.of("Authorization", "X-Request-Id", "traceparent",
            "Idempotency-Key", "X-Api-Key", "Cookie", "X-Forwarded-For", "X-Gateway-Route");

    private final HttpServer server;
    final AtomicInteger requests = new AtomicInteger();
    final Map<String, Integer> hits = new ConcurrentHashMap<>();

    EchoUpstream(String name) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            hits.merge(exchange.getRequestURI().getPath(), 1, Integer::sum);
            long size = 0;
            try (InputStream body = exchange.getRequestBody()) {
                byte[] chunk = new byte[8192];
                for (int read = body.read(chunk); read >= 0; read = body.read(chunk)) {
                    size += read;
                }
            }
            if (exchange.getRequestURI().getPath().endsWith("/slow")) {
                try {
                    Thread.sleep(3000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            Map<String, Object> echo = new java.util.LinkedHashMap<>();
            echo.put("service", name);
            echo.put("method", exchange.getRequestMethod());
            echo.put("path", exchange.getRequestURI().getRawPath());
            echo.put("query", exchange.getRequestURI().getRawQuery());
            echo.put("bodyBytes", size);
            Map<String, String> headers = new java.util.LinkedHashMap<>();
            for (String header : ECHOED) {
                String value = exchange.getRequestHeaders().getFirst(header);
                if (value != null) {
                    headers.put(header.toLowerCase(java.util.Locale.ROOT), value);
                }
            }
            echo.put("headers", headers);
            byte[] response = JSON.writeValueAsString(echo).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, response.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response);
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void stop() {
        server.stop(0);
    }
}
