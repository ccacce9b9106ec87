package mx.gob.sre.bench;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * Scenario 1, gateway overhead: the same cheap GET (one consulate, one primary-key read) at a fixed
 * arrival rate, three ways one after the other in one run: straight to consular-service, through nginx
 * as a plain reverse proxy, and through the gateway with a user token (authentication, rate limits,
 * internal token, proxying). The three legs alternate for BENCH_ROUNDS rounds (request names
 * direct#1, nginx#1, gateway#1, direct#2, ...) so drift of the machine hits them alike; the report takes
 * the median of each figure over the rounds.
 */
public class GatewayOverheadSimulation extends Simulation {

    static final String PATH = "/consulates/SJC";
    final int rate = Env.number("BENCH_RATE", 1000);
    final int seconds = Env.number("BENCH_SECONDS", 20);
    final int rounds = Env.number("BENCH_ROUNDS", 3);
    final String internalToken = "Bearer " + Env.required("BENCH_INTERNAL_TOKEN");
    final String userToken = "Bearer " + Env.required("BENCH_USER_TOKEN");

    PopulationBuilder leg(String name, String baseUrl, String token, boolean warmUp) {
        HttpProtocolBuilder protocol = http.baseUrl(baseUrl).shareConnections().header("Authorization", token);
        var scenario = scenario((warmUp ? "warm-up " : "") + name)
                .exec(http(warmUp ? "warm-up-" + name : name).get(PATH).check(status().is(200)));
        return scenario.injectOpen(warmUp ? rampUsersPerSec(10).to(rate).during(10)
                : constantUsersPerSec(rate).during(seconds)).protocols(protocol);
    }

    {
        String direct = Env.text("BENCH_CONSULAR_URL", "http://127.0.0.1:8081");
        String nginx = Env.text("BENCH_NGINX_URL", "http://127.0.0.1:8088/api/consular");
        String gateway = Env.text("BENCH_GATEWAY_URL", "http://127.0.0.1:8080/api/consular");
        PopulationBuilder chain = leg("direct", direct, internalToken, true)
                .andThen(leg("nginx", nginx, internalToken, true))
                .andThen(leg("gateway", gateway, userToken, true));
        for (int round = 1; round <= rounds; round++) {
            chain = chain.andThen(leg("direct#" + round, direct, internalToken, false))
                    .andThen(leg("nginx#" + round, nginx, internalToken, false))
                    .andThen(leg("gateway#" + round, gateway, userToken, false));
        }
        setUp(chain)
                .assertions(global().failedRequests().percent().lt(1.0));
    }
}
