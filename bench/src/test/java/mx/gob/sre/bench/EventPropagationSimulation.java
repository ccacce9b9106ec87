package mx.gob.sre.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
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
 * Scenario 3, event propagation: consular officers serve voter-card walk-ins at a fixed arrival rate and
 * complete each with the identity verification, so consular-service commits one
 * {@code consular.identity-verified} event per visit (check in, call, serve, complete: four requests).
 * Each visit is a different registered citizen. The latency from the event's commit until the voter
 * application is readable is measured afterwards in the two databases by bench/run: Gatling only
 * produces the events at the chosen rate.
 */
public class EventPropagationSimulation extends Simulation {

    final int rate = Env.number("BENCH_RATE", 100);
    final int seconds = Env.number("BENCH_SECONDS", 30);
    final String consular = Env.text("BENCH_CONSULAR_URL", "http://127.0.0.1:8081");
    final String internalToken = "Bearer " + Env.required("BENCH_INTERNAL_TOKEN");
    final List<String> citizens;

    private static final String VERIFICATION = """
            {"outcome":"RESOLVED","identityVerification":{"documentsVerified":true,
              "proofOfNationality":{"type":"BIRTH_CERTIFICATE","state":"JC"},
              "proofOfAddressIssuedOn":"%s","addressInDistrict":true,
              "biometrics":{"fingerprints":"urn:sre:biometrics:SJC:2026:1:fp",
                            "photo":"urn:sre:biometrics:SJC:2026:1:photo",
                            "signature":"urn:sre:biometrics:SJC:2026:1:sig"}}}"""
            .formatted(LocalDate.now().minusDays(20));

    {
        int visits = rate * seconds + Env.number("BENCH_WARMUP_VISITS", 1000);
        citizens = Stack.registerCitizens(consular, internalToken, visits);
        System.out.printf("Serving %d voter-card visits%n", visits);
        AtomicInteger next = new AtomicInteger();
        Iterator<Map<String, Object>> feeder = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return next.get() < citizens.size();
            }

            @Override
            public Map<String, Object> next() {
                return Map.of("curp", citizens.get(next.getAndIncrement()));
            }
        };
        HttpProtocolBuilder protocol = http.baseUrl(consular).shareConnections()
                .header("Authorization", internalToken).contentTypeHeader("application/json");
        var visit = scenario("visit").feed(feeder)
                .exec(http("check-in").post("/consulates/SJC/tickets")
                        .body(StringBody("{\"service\":\"VOTER_CARD\",\"curp\":\"#{curp}\"}"))
                        .check(status().is(201), jsonPath("$.id").saveAs("ticket")))
                .exec(http("call").post("/tickets/#{ticket}/call").body(StringBody("{\"counter\":\"Window 1\"}"))
                        .check(status().is(200)))
                .exec(http("serve").post("/tickets/#{ticket}/serve").check(status().is(200)))
                .exec(http("complete").post("/tickets/#{ticket}/complete").body(StringBody(VERIFICATION))
                        .check(status().is(200)));
        int warmUp = Env.number("BENCH_WARMUP_VISITS", 1000);
        setUp(visit.injectOpen(constantUsersPerSec(Math.max(1, warmUp / 20.0)).during(20),
                constantUsersPerSec(rate).during(seconds)).protocols(protocol))
                .assertions(global().failedRequests().percent().lt(1.0));
    }
}
