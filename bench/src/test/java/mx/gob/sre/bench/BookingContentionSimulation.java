package mx.gob.sre.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * Scenario 2, booking under contention: officers book appointments through the gateway (OIDC token, rate
 * limits, internal token) at a fixed arrival rate, for random registered citizens, into a limited set of
 * slots, so many requests race for the last seats. 201 (booked), 409 (full) and 422 (a booking rule, e.g.
 * the citizen's cap) are all correct answers; bench/run then counts the seats in the database for
 * overbooking.
 *
 * <p>The warm-up (a ramp to the rate, then the rate) books matrícula slots and cancels each booking it
 * gets, so seats stay free and every JVM involved compiles the path of a successful booking as well as
 * the full-slot path for as long as the warm-up lasts (a cold consular-service needed ~30 s more CPU for
 * its first run of this load than for a later one: compiling). The measured phase then starts with every
 * passport seat free, and the first seconds are a rush for them.
 */
public class BookingContentionSimulation extends Simulation {

    final int rate = Env.number("BENCH_RATE", 800);
    final int seconds = Env.number("BENCH_SECONDS", 30);
    final String consular = Env.text("BENCH_CONSULAR_URL", "http://127.0.0.1:8081");
    final String internalToken = "Bearer " + Env.required("BENCH_INTERNAL_TOKEN");
    final String officerToken = "Bearer " + Env.required("BENCH_USER_TOKEN");
    final List<String> citizens;
    final List<String> warmUpSlots;
    final List<String> slots;

    private static final String BOOKING = "{\"consulate\":\"SJC\",\"service\":\"#{service}\","
            + "\"startsAt\":\"#{startsAt}\",\"curp\":\"#{curp}\"}";

    private Iterator<Map<String, Object>> feeder(String service, List<String> starts) {
        return Stream.generate(() -> Map.<String, Object>of(
                "service", service,
                "curp", citizens.get(ThreadLocalRandom.current().nextInt(citizens.size())),
                "startsAt", starts.get(ThreadLocalRandom.current().nextInt(starts.size())))).iterator();
    }

    {
        try {
            citizens = Stack.registerCitizens(consular, internalToken, Env.number("BENCH_CITIZENS", 1000));
            int days = Env.number("BENCH_SLOT_DAYS", 28);
            warmUpSlots = Stack.slots(consular, internalToken, "MATRICULA", days);
            slots = Stack.slots(consular, internalToken, "PASSPORT", days);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        System.out.printf("Booking %d citizens into %d slots (warm-up: %d)%n", citizens.size(), slots.size(), warmUpSlots.size());
        int warmUpSeconds = Env.number("BENCH_WARMUP_SECONDS", 150);
        HttpProtocolBuilder protocol = http.baseUrl(Env.text("BENCH_GATEWAY_URL", "http://127.0.0.1:8080/api/consular"))
                .shareConnections().header("Authorization", officerToken).contentTypeHeader("application/json");
        var warmUp = scenario("warm-up").feed(feeder("MATRICULA", warmUpSlots))
                .exec(http("warm-up").post("/appointments").body(StringBody(BOOKING))
                        .check(status().in(201, 409, 422))
                        .checkIf((response, session) -> response.status().code() == 201)
                        .then(jsonPath("$.id").saveAs("id")))
                .doIf(session -> session.contains("id"))
                .then(exec(http("warm-up cancel").post("/appointments/#{id}/cancel").check(status().is(200))));
        var book = scenario("booking").feed(feeder("PASSPORT", slots)).exec(http("book").post("/appointments")
                .body(StringBody(BOOKING)).check(status().in(201, 409, 422)));
        setUp(warmUp.injectOpen(rampUsersPerSec(10).to(rate).during(10), constantUsersPerSec(rate).during(warmUpSeconds))
                .protocols(protocol)
                .andThen(book.injectOpen(constantUsersPerSec(rate).during(seconds)).protocols(protocol)))
                .assertions(details("book").failedRequests().percent().lt(1.0));
    }
}
