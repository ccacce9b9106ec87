package mx.gob.sre.consular.appointment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import mx.gob.sre.consular.Fixtures;
import mx.gob.sre.testsupport.SuiteInfrastructure;
import mx.gob.sre.testsupport.TestTokens;

@QuarkusTest
@WithTestResource(value = SuiteInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "consular"))
class AppointmentBookingTest {

    static final String OFFICER_SJC = TestTokens.staff("consular-officer", "SJC");

    @Inject
    NoShowMarker noShows;

    /** The free slots of a consulate and service over the next weeks. */
    static List<Map<String, Object>> slots(String consulate, String service, LocalDate from, LocalDate to) {
        return given().header("Authorization", OFFICER_SJC)
                .queryParam("service", service).queryParam("from", from.toString()).queryParam("to", to.toString())
                .get("/consulates/" + consulate + "/availability")
                .then().statusCode(200).extract().jsonPath().getList("slots");
    }

    static List<String> freeStarts(String consulate, String service, int count) {
        LocalDate from = LocalDate.now().plusDays(7);
        List<String> starts = new ArrayList<>();
        for (Map<String, Object> slot : slots(consulate, service, from, from.plusDays(20))) {
            if ((Integer) slot.get("remaining") > 0 && starts.size() < count) {
                starts.add((String) slot.get("startsAt"));
            }
        }
        assertThat(starts).hasSize(count);
        return starts;
    }

    static String booking(String consulate, String service, String startsAt) {
        return """
                {"consulate":"%s","service":"%s","startsAt":"%s"}""".formatted(consulate, service, startsAt);
    }

    @Test
    void shouldNeverOverbookWhen200ClientsRaceForTheLast10Seats() throws Exception {
        String start = freeStarts("SJC", "LEGALIZATION", 1).get(0);
        Fixtures.update("""
                INSERT INTO slot (consulate_code, procedure_code, starts_at, capacity, booked)
                VALUES ('SJC', 'LEGALIZATION', ?, 50, 40)""", OffsetDateTime.parse(start));
        List<String> citizens = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            citizens.add(Fixtures.registeredCitizen("SJC"));
        }

        ExecutorService clients = Executors.newFixedThreadPool(64);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (String curp : citizens) {
                String token = TestTokens.citizen(curp);
                calls.add(() -> {
                    go.await();
                    return given().header("Authorization", token).contentType(ContentType.JSON)
                            .body(booking("SJC", "LEGALIZATION", start)).post("/appointments").statusCode();
                });
            }
            List<Future<Integer>> results = new ArrayList<>();
            for (Callable<Integer> call : calls) {
                results.add(clients.submit(call));
            }
            go.countDown();
            int booked = 0;
            int full = 0;
            for (Future<Integer> result : results) {
                int status = result.get();
                if (status == 201) {
                    booked++;
                } else if (status == 409) {
                    full++;
                }
            }
            assertThat(booked).isEqualTo(10);
            assertThat(full).isEqualTo(190);
        } finally {
            clients.shutdownNow();
        }
        OffsetDateTime slotStart = OffsetDateTime.parse(start);
        assertThat(Fixtures.count("SELECT booked FROM slot WHERE consulate_code = 'SJC' AND procedure_code = "
                + "'LEGALIZATION' AND starts_at = ?", slotStart)).isEqualTo(50);
        assertThat(Fixtures.count("SELECT count(*) FROM appointment WHERE consulate_code = 'SJC' AND procedure_code = "
                + "'LEGALIZATION' AND starts_at = ? AND status = 'BOOKED'", slotStart)).isEqualTo(10);
    }

    @Test
    void shouldEnforceTheActiveAppointmentCapEvenUnderConcurrentRequests() throws Exception {
        String curp = Fixtures.registeredCitizen("SJC");
        String token = TestTokens.citizen(curp);
        List<String> starts = freeStarts("SJC", "PASSPORT", 12);
        ExecutorService clients = Executors.newFixedThreadPool(12);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (String start : starts) {
                calls.add(() -> given().header("Authorization", token).contentType(ContentType.JSON)
                        .body(booking("SJC", "PASSPORT", start)).post("/appointments").statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : clients.invokeAll(calls)) {
                statuses.add(status.get());
            }
            assertThat(statuses.stream().filter(s -> s == 201)).hasSize(5);
            assertThat(statuses.stream().filter(s -> s == 422)).hasSize(7);
        } finally {
            clients.shutdownNow();
        }
        given().header("Authorization", token).contentType(ContentType.JSON)
                .body(booking("SJC", "PASSPORT", freeStarts("SJC", "PASSPORT", 13).get(12))).post("/appointments")
                .then().statusCode(422).contentType("application/problem+json")
                .body("rule", equalTo("active-appointment-cap"));
    }

    @Test
    void shouldReplayTheFirstBookingForTheSameIdempotencyKey() throws Exception {
        String curp = Fixtures.registeredCitizen("SJC");
        String token = TestTokens.citizen(curp);
        List<String> starts = freeStarts("SJC", "MATRICULA", 2);
        String key = "booking-" + UUID.randomUUID();
        String first = given().header("Authorization", token).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(booking("SJC", "MATRICULA", starts.get(0)))
                .post("/appointments").then().statusCode(201).extract().path("id");
        given().header("Authorization", token).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(booking("SJC", "MATRICULA", starts.get(0)))
                .post("/appointments").then().statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(first));
        given().header("Authorization", token).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(booking("SJC", "MATRICULA", starts.get(1)))
                .post("/appointments").then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://consular.sre.gob.mx/problems/idempotency-key-reused"));
        assertThat(Fixtures.count("SELECT count(*) FROM appointment WHERE curp = ?", curp)).isEqualTo(1);
    }

    @Test
    void shouldFreeTheSeatOnCancelAndHideAppointmentFromOthers() throws Exception {
        String curp = Fixtures.registeredCitizen("SJC");
        String token = TestTokens.citizen(curp);
        String start = freeStarts("SJC", "CERTIFICATE", 1).get(0);
        String id = given().header("Authorization", token).contentType(ContentType.JSON)
                .body(booking("SJC", "CERTIFICATE", start)).post("/appointments")
                .then().statusCode(201).extract().path("id");
        OffsetDateTime slotStart = OffsetDateTime.parse(start);
        long takenBefore = Fixtures.count("SELECT booked FROM slot WHERE consulate_code = 'SJC' AND procedure_code = "
                + "'CERTIFICATE' AND starts_at = ?", slotStart);

        given().header("Authorization", TestTokens.citizen(Fixtures.registeredCitizen("SJC")))
                .get("/appointments/" + id).then().statusCode(404);
        given().header("Authorization", TestTokens.staff("consular-officer", "CHI"))
                .post("/appointments/" + id + "/cancel").then().statusCode(404);
        given().header("Authorization", OFFICER_SJC).get("/appointments/" + id).then().statusCode(200);

        given().header("Authorization", token).post("/appointments/" + id + "/cancel")
                .then().statusCode(200).body("status", equalTo("CANCELLED"));
        assertThat(Fixtures.count("SELECT booked FROM slot WHERE consulate_code = 'SJC' AND procedure_code = "
                + "'CERTIFICATE' AND starts_at = ?", slotStart)).isEqualTo(takenBefore - 1);
        given().header("Authorization", token).post("/appointments/" + id + "/cancel")
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void shouldKeepTheOldSeatWhenTheNewSlotIsFull() throws Exception {
        String curp = Fixtures.registeredCitizen("SJC");
        String token = TestTokens.citizen(curp);
        List<String> starts = freeStarts("SJC", "POWER_OF_ATTORNEY", 3);
        String id = given().header("Authorization", token).contentType(ContentType.JSON)
                .body(booking("SJC", "POWER_OF_ATTORNEY", starts.get(0))).post("/appointments")
                .then().statusCode(201).extract().path("id");
        Fixtures.update("""
                INSERT INTO slot (consulate_code, procedure_code, starts_at, capacity, booked)
                VALUES ('SJC', 'POWER_OF_ATTORNEY', ?, 2, 2)""", OffsetDateTime.parse(starts.get(1)));

        given().header("Authorization", token).contentType(ContentType.JSON)
                .body("{\"startsAt\":\"" + starts.get(1) + "\"}").post("/appointments/" + id + "/reschedule")
                .then().statusCode(409).contentType("application/problem+json");
        given().header("Authorization", token).get("/appointments/" + id)
                .then().statusCode(200).body("startsAt", equalTo(starts.get(0))).body("status", equalTo("BOOKED"));
        assertThat(Fixtures.count("SELECT booked FROM slot WHERE consulate_code = 'SJC' AND procedure_code = "
                + "'POWER_OF_ATTORNEY' AND starts_at = ?", OffsetDateTime.parse(starts.get(0)))).isEqualTo(1);

        given().header("Authorization", token).contentType(ContentType.JSON)
                .body("{\"startsAt\":\"" + starts.get(2) + "\"}").post("/appointments/" + id + "/reschedule")
                .then().statusCode(200).body("startsAt", equalTo(starts.get(2)));
        assertThat(Fixtures.count("SELECT booked FROM slot WHERE consulate_code = 'SJC' AND procedure_code = "
                + "'POWER_OF_ATTORNEY' AND starts_at = ?", OffsetDateTime.parse(starts.get(0)))).isZero();
    }

    @Test
    void shouldMarkNoShowsAfterTheSlotEnds() throws Exception {
        String curp = Fixtures.registeredCitizen("SJC");
        UUID id = UUID.randomUUID();
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).minusHours(3).withNano(0).withSecond(0);
        Fixtures.update("""
                INSERT INTO slot (consulate_code, procedure_code, starts_at, capacity, booked)
                VALUES ('SJC', 'PASSPORT', ?, 4, 1) ON CONFLICT DO NOTHING""", start);
        Fixtures.update("""
                INSERT INTO appointment (id, citizen_id, curp, consulate_code, procedure_code, starts_at, ends_at,
                                         status, channel, booked_by, created_at, updated_at)
                SELECT ?, id, curp, 'SJC', 'PASSPORT', ?, ?, 'BOOKED', 'WEB', 'test', now(), now()
                FROM citizen WHERE curp = ?""", id, start, start.plusMinutes(20), curp);
        assertThat(noShows.markNoShows()).isGreaterThanOrEqualTo(1);
        given().header("Authorization", TestTokens.citizen(curp)).get("/appointments/" + id)
                .then().statusCode(200).body("status", equalTo("NO_SHOW"));
    }

    @Test
    void shouldGenerateSlotsInLocalTimeAcrossTheNextDstChange() {
        ZoneId zone = ZoneId.of("America/Los_Angeles");
        ZoneOffsetTransition change = zone.getRules().nextTransition(Instant.now().plus(java.time.Duration.ofDays(2)));
        LocalDate day = change.getDateTimeBefore().toLocalDate();
        LocalDate before = day.minusDays(7);
        LocalDate after = day.plusDays(7);
        while (before.getDayOfWeek().getValue() > 5) {
            before = before.minusDays(1);
        }
        while (after.getDayOfWeek().getValue() > 5) {
            after = after.plusDays(1);
        }
        for (LocalDate date : List.of(before, after)) {
            List<Map<String, Object>> slots = slots("SJC", "PASSPORT", date, date);
            if (slots.isEmpty()) {
                continue;
            }
            Map<String, Object> first = slots.get(0);
            assertThat((String) first.get("localStart")).isEqualTo(date + "T08:00:00");
            Instant expected = date.atTime(8, 0).atZone(zone).toInstant();
            assertThat(Instant.parse((String) first.get("startsAt"))).isEqualTo(expected);
        }
        JsonPath consulate = given().header("Authorization", OFFICER_SJC).get("/consulates/SJC")
                .then().statusCode(200).body("services.code", hasItem("VOTER_CARD"))
                .extract().jsonPath();
        assertThat(consulate.getList("openingHours")).hasSize(5);
    }
}
