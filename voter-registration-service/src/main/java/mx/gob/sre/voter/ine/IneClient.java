package mx.gob.sre.voter.ine;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;

import io.smallrye.faulttolerance.api.ExponentialBackoff;

/**
 * The adapter to INE's API. Every submission is signed (see {@link IneSignature}); mutual TLS is used
 * when key and trust stores are configured. Short outages are absorbed by a few quick retries with
 * exponential backoff and jitter; a circuit breaker stops calling INE while it keeps failing. Long
 * outages are the dispatcher's business: the submission stays queued in the database.
 */
@ApplicationScoped
public class IneClient {

    /** INE could not be reached or failed on its side; worth trying again later. */
    public static class IneUnavailableException extends RuntimeException {
        public IneUnavailableException(String message) {
            super(message, null, false, false);
        }
    }

    /** INE refused the submission as such; retrying it unchanged will not help. */
    public static class IneRefusedException extends RuntimeException {
        public IneRefusedException(String message) {
            super(message, null, false, false);
        }
    }

    private final IneConfig config;
    private final HttpClient http;

    @Inject
    public IneClient(IneConfig config) {
        this.config = config;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(config.connectTimeout());
        if (config.tls().keyStore().isPresent() || config.tls().trustStore().isPresent()) {
            builder.sslContext(sslContext(config.tls()));
        }
        this.http = builder.build();
    }

    /** Sends one submission; INE is idempotent on the folio, so a repeat has no second effect there. */
    @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = IneUnavailableException.class)
    @ExponentialBackoff(maxDelay = 2_000)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 10_000, successThreshold = 1,
            failOn = IneUnavailableException.class)
    public void submit(String body) {
        String timestamp = String.valueOf(Instant.now().truncatedTo(ChronoUnit.SECONDS).getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.url() + "/submissions"))
                .timeout(config.requestTimeout())
                .header("Content-Type", "application/json")
                .header(IneSignature.CLIENT_HEADER, config.clientId())
                .header(IneSignature.TIMESTAMP_HEADER, timestamp)
                .header(IneSignature.SIGNATURE_HEADER, IneSignature.sign(config.submissionSecret(), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IneUnavailableException("INE could not be reached: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IneUnavailableException("interrupted");
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return;
        }
        if (status == 429 || status >= 500) {
            throw new IneUnavailableException("INE answered " + status);
        }
        throw new IneRefusedException("INE refused the submission with " + status);
    }

    private static SSLContext sslContext(IneConfig.Tls tls) {
        try {
            KeyManagerFactory keys = null;
            if (tls.keyStore().isPresent()) {
                KeyStore store = load(tls.keyStore().get(), tls.keyStorePassword().orElse(""));
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(store, tls.keyStorePassword().orElse("").toCharArray());
            }
            TrustManagerFactory trust = null;
            if (tls.trustStore().isPresent()) {
                trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(load(tls.trustStore().get(), tls.trustStorePassword().orElse("")));
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys == null ? null : keys.getKeyManagers(), trust == null ? null : trust.getTrustManagers(),
                    null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException("voter.ine.tls: the key or trust store cannot be used", e);
        }
    }

    private static KeyStore load(String path, String password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of(path))) {
            store.load(in, password.toCharArray());
        }
        return store;
    }
}
