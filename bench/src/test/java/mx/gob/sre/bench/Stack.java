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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import mx.gob.sre.platform.curp.Curp;
import mx.gob.sre.testsupport.TestCurps;

/** Preparation a scenario does against the running stack before its load starts. */
final class Stack {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Stack() {
    }

    /** Registers citizens at SJC straight with consular-service and returns their CURPs. */
    static List<String> registerCitizens(String consularUrl, String internalToken, int count) {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> created = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                created.add(pool.submit(() -> {
                    String curp = TestCurps.random();
                    String body = """
                            {"curp":"%s","givenNames":"Carga","firstSurname":"Prueba","dateOfBirth":"%s",
                             "address":{"line1":"1 Bench St","city":"San Jose","region":"CA","country":"US"},
                             "consulate":"SJC","consent":{"privacyNoticeVersion":"2026-01","accepted":true}}"""
                            .formatted(curp, Curp.parse(curp).birthDate());
                    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(consularUrl
                                    + "/citizens")).header("Authorization", internalToken)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 201) {
                        throw new IllegalStateException("registering a citizen answered " + response.statusCode() + ": "
                                + response.body());
                    }
                    return curp;
                }));
            }
            List<String> curps = new ArrayList<>();
            for (Future<String> future : created) {
                curps.add(future.get());
            }
            return curps;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdown();
        }
    }

    /** The start instants of the bookable slots of a service at SJC in the coming days. */
    static List<String> slots(String consularUrl, String internalToken, String service, int days) throws Exception {
        java.time.LocalDate from = java.time.LocalDate.now().plusDays(1);
        List<String> starts = new ArrayList<>();
        Pattern start = Pattern.compile("\"startsAt\"\\s*:\\s*\"([^\"]+)\"");
        for (int week = 0; week * 7 < days; week++) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(consularUrl
                            + "/consulates/SJC/availability?service=" + service + "&from=" + from.plusDays(week * 7L)
                            + "&to=" + from.plusDays(week * 7L + 6))).header("Authorization", internalToken).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("availability answered " + response.statusCode() + ": "
                        + response.body());
            }
            Matcher matcher = start.matcher(response.body());
            while (matcher.find()) {
                starts.add(matcher.group(1));
            }
        }
        return starts;
    }
}
