package mx.gob.sre.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import mx.gob.sre.platform.curp.Curp;
import mx.gob.sre.testsupport.JsonFields;
import mx.gob.sre.testsupport.TestCurps;

/** Preparation a scenario does against the running stack before its load starts. */
final class Stack {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Stack() {
    }

    /** Registers citizens at SJC straight with consular-service and returns their CURPs. */
    static List<String> registerCitizens(String consularUrl, String internalToken, int count) {
        return inParallel(count, i -> {
            String curp = TestCurps.random();
            String body = """
                    {"curp":"%s","givenNames":"Carga","firstSurname":"Prueba","dateOfBirth":"%s",
                     "address":{"line1":"1 Bench St","city":"San Jose","region":"CA","country":"US"},
                     "consulate":"SJC","consent":{"privacyNoticeVersion":"2026-01","accepted":true}}"""
                    .formatted(curp, Curp.parse(curp).birthDate());
            post(consularUrl + "/citizens", internalToken, body, 201);
            return curp;
        });
    }

    /**
     * Checks each citizen in at SJC for a voter card, calls and serves the ticket (three requests each),
     * and returns the ticket ids in the order of the CURPs: tickets at the counter, ready to be completed.
     */
    static List<String> ticketsBeingServed(String consularUrl, String internalToken, List<String> curps) {
        return inParallel(curps.size(), i -> {
            String ticket = JsonFields.string(post(consularUrl + "/consulates/SJC/tickets", internalToken,
                    "{\"service\":\"VOTER_CARD\",\"curp\":\"" + curps.get(i) + "\"}", 201), "id");
            post(consularUrl + "/tickets/" + ticket + "/call", internalToken, "{\"counter\":\"Window 1\"}", 200);
            post(consularUrl + "/tickets/" + ticket + "/serve", internalToken, "", 200);
            return ticket;
        });
    }

    /** Runs count tasks on 8 threads and returns their results in order; the first failure fails all. */
    private static <T> List<T> inParallel(int count, Task<T> task) {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<T>> results = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                results.add(pool.submit(() -> task.run(index)));
            }
            List<T> values = new ArrayList<>();
            for (Future<T> result : results) {
                values.add(result.get());
            }
            return values;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdown();
        }
    }

    private interface Task<T> {
        T run(int index) throws Exception;
    }

    private static String post(String url, String internalToken, String body, int expected) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", internalToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException("POST " + url + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }

    /** The start instants of the bookable slots of a service at SJC in the coming days. */
    static List<String> slots(String consularUrl, String internalToken, String service, int days) throws Exception {
        java.time.LocalDate from = java.time.LocalDate.now().plusDays(1);
        List<String> starts = new ArrayList<>();
        for (int week = 0; week * 7 < days; week++) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(consularUrl
                            + "/consulates/SJC/availability?service=" + service + "&from=" + from.plusDays(week * 7L)
                            + "&to=" + from.plusDays(week * 7L + 6))).header("Authorization", internalToken).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("availability answered " + response.statusCode() + ": "
                        + response.body());
            }
            starts.addAll(JsonFields.strings(response.body(), "startsAt"));
        }
        return starts;
    }
}
