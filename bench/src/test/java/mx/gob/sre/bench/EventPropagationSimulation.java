package mx.gob.sre.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * Scenario 3, event propagation: consular officers complete voter-card visits with the identity
 * verification at a fixed arrival rate, so consular-service commits one {@code consular.identity-verified}
 * event per completion. Each visit is a different registered citizen, checked in, called and served
 * before the load starts (that intake is not what is measured, and doing it during the load would put
 * three more requests per event on the same two cores). The latency from the event's commit until the
 * voter application is readable is measured afterwards in the two databases by bench/run: Gatling only
 * produces the events at the chosen rate.
 */
public class EventPropagationSimulation extends Simulation {

    final int rate = Env.number("BENCH_RATE", 100);
    final int seconds = Env.number("BENCH_SECONDS", 30);
    final String consular = Env.text("BENCH_CONSULAR_URL", "http://127.0.0.1:8081");
    final String internalToken = "Bearer " + Env.required("BENCH_INTERNAL_TOKEN");
    final List<String> tickets;

    private static final String VERIFICATION = """
            {"outcome":"RESOLVED","identityVerification":{"documentsVerified":true,
              "proofOfNationality":{"type":"BIRTH_CERTIFICATE","state":"JC"},
              "proofOfAddressIssuedOn":"%s","addressInDistrict":true,
              "biometrics":{"fingerprints":"urn:sre:biometrics:SJC:2026:1:fp",
                            "photo":"urn:sre:biometrics:SJC:2026:1:photo",
                            "signature":"urn:sre:biometrics:SJC:2026:1:sig"}}}"""
            .formatted(LocalDate.now().minusDays(20));

    {
        int warmUpSeconds = Env.number("BENCH_EVENT_WARMUP_SECONDS", 20);
        int visits = rate * (warmUpSeconds + seconds);
        List<String> citizens = Stack.registerCitizens(consular, internalToken, visits);
        tickets = Stack.ticketsBeingServed(consular, internalToken, citizens);
        System.out.printf("Completing %d voter-card visits%n", visits);
        AtomicInteger next = new AtomicInteger();
        Iterator<Map<String, Object>> feeder = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return next.get() < tickets.size();
            }

            @Override
            public Map<String, Object> next() {
                return Map.of("ticket", tickets.get(next.getAndIncrement()));
            }
        };
        HttpProtocolBuilder protocol = http.baseUrl(consular).shareConnections()
                .header("Authorization", internalToken).contentTypeHeader("application/json");
        var visit = scenario("visit").feed(feeder)
                .exec(http("complete").post("/tickets/#{ticket}/complete").body(StringBody(VERIFICATION))
                        .check(status().is(200)));
        // The warm-up runs at the measured rate too, so that pools and JIT reach that rate's state first;
        // bench/run leaves its rate × warm-up seconds completions out of the figures.
        setUp(visit.injectOpen(constantUsersPerSec(rate).during(warmUpSeconds + seconds)).protocols(protocol))
                .assertions(global().failedRequests().percent().lt(1.0));
    }
}
