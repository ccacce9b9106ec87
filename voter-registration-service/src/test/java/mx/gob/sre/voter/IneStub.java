package mx.gob.sre.voter;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * INE for the voter tests: a WireMock server that accepts submissions (or fails, as a test wants),
 * shared secrets made for this run, fast dispatch, and an elections calendar placed relative to today
 * so the tests do not depend on the date they run.
 */
public class IneStub implements QuarkusTestResourceLifecycleManager {

    public static WireMockServer ine;
    public static final String SUBMISSION_SECRET = "submission-" + UUID.randomUUID();
    public static final String CALLBACK_SECRET = "callback-" + UUID.randomUUID();

    @Override
    public Map<String, String> start() {
        if (ine == null) {
            ine = new WireMockServer(options().dynamicPort());
            ine.start();
        }
        accept();
        LocalDate today = LocalDate.now();
        Map<String, String> config = new HashMap<>();
        config.put("voter.ine.url", ine.baseUrl());
        config.put("voter.ine.submission-secret", SUBMISSION_SECRET);
        config.put("voter.ine.callback-secret", CALLBACK_SECRET);
        config.put("voter.ine.dispatch-every", "200ms");
        config.put("voter.ine.max-backoff", "1s");
        config.put("voter.applications.sweep-every", "1h");
        config.put("voter.elections.\"2027-federal\".election-day", today.plusDays(200).toString());
        config.put("voter.elections.\"2027-federal\".application-cutoff", today.plusDays(60).toString());
        config.put("voter.elections.\"2027-federal\".registration-cutoff", today.plusDays(90).toString());
        config.put("voter.elections.\"2030-federal\".election-day", today.plusYears(3).toString());
        config.put("voter.elections.\"2030-federal\".application-cutoff", today.plusYears(3).minusDays(140).toString());
        config.put("voter.elections.\"2030-federal\".registration-cutoff", today.plusYears(3).minusDays(100).toString());
        config.put("voter.elections.\"2024-federal\".election-day", today.minusDays(30).toString());
        config.put("voter.elections.\"2024-federal\".application-cutoff", today.minusDays(200).toString());
        config.put("voter.elections.\"2024-federal\".registration-cutoff", today.minusDays(160).toString());
        return config;
    }

    /** INE accepts every submission. */
    public static void accept() {
        ine.resetAll();
        ine.stubFor(post("/submissions").willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json").withBody("{\"status\":\"RECEIVED\"}")));
    }

    /** INE answers 503 to everything. */
    public static void fail() {
        ine.resetAll();
        ine.stubFor(post("/submissions").willReturn(aResponse().withStatus(503)));
    }

    @Override
    public void stop() {
        // Shared by the test classes of this JVM.
    }
}
