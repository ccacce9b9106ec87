package mx.gob.sre.inesim;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * INE's desk as the simulator plays it: it keeps each folio it received, moves it along the lifecycle
 * one step per interval (most cards are produced and delivered; some need remediation, some are
 * rejected, some cannot be delivered), and reports each step with a signed callback, retried until the
 * ministry acknowledges it.
 */
@ApplicationScoped
public class IneDesk {

    private static final Logger LOG = Logger.getLogger(IneDesk.class);

    public enum Script {
        DELIVERED, REMEDIATION, REJECTED, FAILED_DELIVERY
    }

    /** One folio's progress. */
    public static final class Tracked {
        final String folio;
        final Script script;
        final List<String> steps;
        int next;
        Instant nextAt;
        boolean waitingForRemediation;
        final Instant receivedAt = Instant.now();

        Tracked(String folio, Script script, List<String> steps, Instant nextAt) {
            this.folio = folio;
            this.script = script;
            this.steps = steps;
            this.nextAt = nextAt;
        }

        public Map<String, Object> describe() {
            return Map.of("folio", folio, "script", script.name(), "reported",
                    steps.subList(0, next), "waitingForRemediation", waitingForRemediation);
        }
    }

    private record Outgoing(String callbackId, String body) {
    }

    private final Map<String, Tracked> folios = new ConcurrentHashMap<>();
    private final Queue<Outgoing> outbox = new ConcurrentLinkedQueue<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Inject
    SimulatorConfig config;

    /** Takes a submission; a folio seen before is acknowledged without starting again (idempotent). */
    public boolean receive(String folio, String kind) {
        Tracked tracked = folios.get(folio);
        if (tracked == null) {
            Script script = scriptFor(folio);
            folios.put(folio, new Tracked(folio, script, steps(script), Instant.now().plus(config.stepInterval())));
            return true;
        }
        if ("REMEDIATION".equals(kind) && tracked.waitingForRemediation) {
            tracked.waitingForRemediation = false;
            tracked.nextAt = Instant.now().plus(config.stepInterval());
            return true;
        }
        return false;
    }

    public List<Map<String, Object>> describe() {
        List<Map<String, Object>> all = new ArrayList<>();
        folios.values().forEach(t -> all.add(t.describe()));
        return all;
    }

    public void reset() {
        folios.clear();
        outbox.clear();
    }

    Script scriptFor(String folio) {
        int bucket = Math.floorMod(folio.hashCode(), 100);
        if (bucket < config.rejectionPercent()) {
            return Script.REJECTED;
        }
        if (bucket < config.rejectionPercent() + config.remediationPercent()) {
            return Script.REMEDIATION;
        }
        if (bucket < config.rejectionPercent() + config.remediationPercent() + config.failedDeliveryPercent()) {
            return Script.FAILED_DELIVERY;
        }
        return Script.DELIVERED;
    }

    static List<String> steps(Script script) {
        return switch (script) {
            case DELIVERED -> List.of("UNDER_REVIEW", "IN_PRODUCTION", "SHIPPED", "DELIVERED");
            case REMEDIATION -> List.of("UNDER_REVIEW", "NEEDS_REMEDIATION", "UNDER_REVIEW", "IN_PRODUCTION",
                    "SHIPPED", "DELIVERED");
            case REJECTED -> List.of("UNDER_REVIEW", "REJECTED");
            case FAILED_DELIVERY -> List.of("UNDER_REVIEW", "IN_PRODUCTION", "SHIPPED", "DELIVERY_ATTEMPTED",
                    "DELIVERY_ATTEMPTED", "DELIVERY_ATTEMPTED");
        };
    }

    @Scheduled(every = "0.5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        Instant now = Instant.now();
        for (Tracked tracked : folios.values()) {
            synchronized (tracked) {
                if (tracked.waitingForRemediation || tracked.next >= tracked.steps.size() || tracked.nextAt.isAfter(now)) {
                    continue;
                }
                String status = tracked.steps.get(tracked.next++);
                String extra = "";
                if ("NEEDS_REMEDIATION".equals(status)) {
                    tracked.waitingForRemediation = true;
                    extra = ",\"reasons\":[\"ADDRESS_PROOF\"],\"remediationDeadline\":\"" + LocalDate.now().plusDays(14)
                            + "\"";
                }
                String callbackId = "ine-" + UUID.randomUUID();
                outbox.add(new Outgoing(callbackId, "{\"callbackId\":\"" + callbackId + "\",\"folio\":\""
                        + tracked.folio + "\",\"status\":\"" + status + "\",\"occurredAt\":\"" + now + "\"" + extra + "}"));
                tracked.nextAt = now.plus(config.stepInterval());
            }
        }
        deliverCallbacks();
    }

    /** Sends queued callbacks in order; stops at the first that fails and tries again next tick. */
    void deliverCallbacks() {
        Outgoing next;
        while ((next = outbox.peek()) != null) {
            int status = send(next);
            if (status >= 200 && status < 300 || status == 409 || status == 404 || status == 400) {
                if (status >= 400) {
                    LOG.warnf("Callback %s refused with %d", next.callbackId(), status);
                }
                outbox.poll();
            } else {
                return;
            }
        }
    }

    private int send(Outgoing callback) {
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(config.callbackUrl()))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .header("X-INE-Timestamp", timestamp)
                .header("X-INE-Signature", Signature.sign(config.callbackSecret(), timestamp, callback.body()))
                .POST(HttpRequest.BodyPublishers.ofString(callback.body()));
        apiKey().ifPresent(key -> request.header("X-Api-Key", key));
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private java.util.Optional<String> apiKey() {
        return config.apiKeyFile().filter(file -> !file.isBlank()).flatMap(file -> {
            try {
                return java.util.Optional.of(Files.readString(Path.of(file)).trim()).filter(key -> !key.isEmpty());
            } catch (IOException e) {
                return java.util.Optional.empty();
            }
        });
    }
}
