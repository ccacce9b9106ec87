package mx.gob.sre.scholarship.grant;

import static io.restassured.RestAssured.given;
import static mx.gob.sre.scholarship.Fixtures.IME;
import static mx.gob.sre.scholarship.Fixtures.apply;
import static mx.gob.sre.scholarship.Fixtures.institutionClient;
import static mx.gob.sre.scholarship.Fixtures.member;
import static mx.gob.sre.scholarship.Fixtures.score;
import static mx.gob.sre.scholarship.Fixtures.supervisor;
import static mx.gob.sre.scholarship.Fixtures.verifiedInstitution;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import mx.gob.sre.scholarship.Fixtures;
import mx.gob.sre.testsupport.SuiteInfrastructure;

/**
 * Award rounds of six consulates, two threads per call and three rounds per thread, all released at once
 * against one cycle whose IME budget (USD 100,000) is far below the calls' caps (USD 270,000). Whatever
 * the interleaving, no cap and no budget is exceeded, and every cent awarded is accounted for once.
 */
@QuarkusTest
@WithTestResource(value = SuiteInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "scholarship"))
class ConcurrentAwardRoundsTest {

    static final int CYCLE = 2031;
    static final long BUDGET = 10_000_000;
    static final long ADULT_CAP = 1_500_000;
    static final long HIGHER_CAP = 3_000_000;
    static final List<String> CONSULATES = List.of("LAX", "CHI", "AUS", "HOU", "DAL", "NYC");

    @Inject
    EntityManager em;

    @Test
    void shouldNeverOverspendACapOrTheBudgetWhateverTheInterleaving() throws Exception {
        Map<String, String> calls = new LinkedHashMap<>();
        for (String consulate : CONSULATES) {
            calls.put(consulate, prepareClosedCall(consulate));
        }

        int threadsPerCall = 2;
        int roundsPerThread = 3;
        ExecutorService pool = Executors.newFixedThreadPool(CONSULATES.size() * threadsPerCall);
        CountDownLatch start = new CountDownLatch(1);
        Map<String, AtomicLong> reportedByCall = new HashMap<>();
        List<Future<List<Integer>>> results = new ArrayList<>();
        for (Map.Entry<String, String> call : calls.entrySet()) {
            AtomicLong reported = reportedByCall.computeIfAbsent(call.getValue(), k -> new AtomicLong());
            for (int t = 0; t < threadsPerCall; t++) {
                results.add(pool.submit(() -> {
                    start.await();
                    List<Integer> statuses = new ArrayList<>();
                    for (int r = 0; r < roundsPerThread; r++) {
                        var response = given().header("Authorization", supervisor(call.getKey()))
                                .post("/calls/" + call.getValue() + "/award-rounds");
                        statuses.add(response.statusCode());
                        if (response.statusCode() == 200) {
                            reported.addAndGet(response.jsonPath().getLong("awardedCents"));
                        }
                    }
                    return statuses;
                }));
            }
        }
        start.countDown();
        for (Future<List<Integer>> result : results) {
            assertThat(result.get(2, TimeUnit.MINUTES)).containsOnly(200);
        }
        pool.shutdown();

        JsonPath awards = given().header("Authorization", IME).get("/awards?cycle=" + CYCLE).then().statusCode(200)
                .extract().jsonPath();
        List<Map<String, Object>> all = awards.getList("$");
        long total = 0;
        for (Map.Entry<String, String> call : calls.entrySet()) {
            long adult = sum(all, call.getKey(), "ADULT_EDUCATION");
            long higher = sum(all, call.getKey(), "HIGHER_EDUCATION");
            assertThat(adult).as("adult education in %s", call.getKey()).isLessThanOrEqualTo(ADULT_CAP);
            assertThat(higher).as("higher education in %s", call.getKey()).isLessThanOrEqualTo(HIGHER_CAP);
            assertThat(reportedByCall.get(call.getValue()).get()).as("rounds' own totals for %s", call.getKey())
                    .isEqualTo(adult + higher);
            total += adult + higher;
        }
        assertThat(total).isLessThanOrEqualTo(BUDGET);
        assertThat(total).as("the budget, not the caps, was what bound the rounds")
                .isGreaterThan(BUDGET - 1_400_000);
        assertThat(all.stream().map(a -> a.get("applicationId")).distinct().count()).isEqualTo(all.size());
        Number booked = QuarkusTransaction.requiringNew().call(() -> (Number) em.createNativeQuery(
                "SELECT awarded_cents FROM cycle_budget WHERE cycle = :c").setParameter("c", CYCLE).getSingleResult());
        assertThat(booked.longValue()).isEqualTo(total);
    }

    private static long sum(List<Map<String, Object>> awards, String consulate, String category) {
        return awards.stream().filter(a -> consulate.equals(a.get("consulate")) && category.equals(a.get("category")))
                .mapToLong(a -> ((Number) a.get("amountCents")).longValue()).sum();
    }

    /** A call with three institutions asking in both categories, more than the caps, all scored. */
    private String prepareClosedCall(String consulate) {
        String lower = consulate.toLowerCase();
        List<String> committee = List.of("m1@" + lower, "m2@" + lower, "m3@" + lower);
        String call = Fixtures.openCall(consulate, CYCLE, ADULT_CAP, HIGHER_CAP, committee);
        List<String> applications = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            String client = institutionClient("college-" + lower + "-" + i);
            String institution = verifiedInstitution(client, consulate, "College " + i + " of " + consulate, null);
            applications.add(apply(client, call, institution, "HIGHER_EDUCATION", 1_400_000, 28, 90).then()
                    .statusCode(201).extract().path("id"));
            applications.add(apply(client, call, institution, "ADULT_EDUCATION", 600_000, 20, 95).then()
                    .statusCode(201).extract().path("id"));
        }
        for (int m = 0; m < committee.size(); m++) {
            String token = member(committee.get(m), consulate);
            for (int a = 0; a < applications.size(); a++) {
                score(token, applications.get(a), 10 - a, 5 + m, 7);
            }
        }
        Fixtures.close(em, "call", call);
        return call;
    }
}
