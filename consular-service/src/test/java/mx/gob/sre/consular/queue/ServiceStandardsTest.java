package mx.gob.sre.consular.queue;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import mx.gob.sre.consular.Fixtures;
import mx.gob.sre.testsupport.SuiteInfrastructure;
import mx.gob.sre.testsupport.TestTokens;

/**
 * Service standards computed from records written straight into the database for one month of the
 * Madrid office, so every figure is known in advance.
 */
@QuarkusTest
@WithTestResource(value = SuiteInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "consular"))
class ServiceStandardsTest {

    @Test
    void shouldComputeTheCertificationFiguresFromTheRecords() throws Exception {
        String curp = Fixtures.registeredCitizen("MAD");
        OffsetDateTime day = OffsetDateTime.parse("2026-06-10T08:00:00Z");
        // Ten appointments in June: two no-shows, eight served.
        for (int i = 0; i < 10; i++) {
            OffsetDateTime start = day.plusMinutes(20L * i);
            Fixtures.update("INSERT INTO slot (consulate_code, procedure_code, starts_at, capacity, booked) "
                    + "VALUES ('MAD', 'PASSPORT', ?, 4, 1) ON CONFLICT DO NOTHING", start);
            Fixtures.update("""
                    INSERT INTO appointment (id, citizen_id, curp, consulate_code, procedure_code, starts_at, ends_at,
                                             status, channel, booked_by, created_at, updated_at)
                    SELECT ?, id, curp, 'MAD', 'PASSPORT', ?, ?, ?, 'WEB', 'test', now(), now()
                    FROM citizen WHERE curp = ?""", UUID.randomUUID(), start, start.plusMinutes(20),
                    i < 2 ? "NO_SHOW" : "COMPLETED", curp);
        }
        // Ten walk-ins waiting 10, 20, ... 100 minutes; the passport target is 30.
        List<UUID> tickets = new java.util.ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            UUID ticket = UUID.randomUUID();
            tickets.add(ticket);
            OffsetDateTime checkedIn = day.plusMinutes(i);
            Fixtures.update("""
                    INSERT INTO ticket (id, consulate_code, service_day, number, kind, procedure_code, status,
                                        checked_in_at, called_at, serving_started_at, completed_at, outcome)
                    VALUES (?, 'MAD', DATE '2026-06-10', ?, 'WALK_IN', 'PASSPORT', 'COMPLETED', ?, ?, ?, ?, 'RESOLVED')""",
                    ticket, "W-" + (900 + i), checkedIn, checkedIn.plusMinutes(10L * i),
                    checkedIn.plusMinutes(10L * i), checkedIn.plusMinutes(10L * i + 15));
        }
        // Five procedures: four resolved in time, one late.
        for (int i = 0; i < 5; i++) {
            OffsetDateTime opened = day.plusMinutes(i);
            Fixtures.update("""
                    INSERT INTO procedure_case (id, ticket_id, consulate_code, procedure_code, status, opened_at,
                                                info_request_due, resolution_due, resolved_at)
                    VALUES (?, ?, 'MAD', 'PASSPORT', 'RESOLVED', ?, ?, ?, ?)""",
                    UUID.randomUUID(), tickets.get(i), opened, opened.plusDays(3), opened.plusDays(10),
                    opened.plusDays(i == 4 ? 12 : 5));
        }
        // Ten surveys, overall 5 and 4 alternately.
        for (int i = 0; i < 10; i++) {
            Fixtures.update("INSERT INTO survey VALUES (?, 4, 4, 5, 5, ?, now())", tickets.get(i), i % 2 == 0 ? 5 : 4);
        }

        JsonPath report = given().header("Authorization", TestTokens.staff("consulate-supervisor", "MAD"))
                .queryParam("from", "2026-06-01").queryParam("to", "2026-06-30")
                .get("/consulates/MAD/service-standards").then().statusCode(200).extract().jsonPath();
        assertThat(report.getLong("appointments")).isEqualTo(10);
        assertThat(report.getLong("noShows")).isEqualTo(2);
        assertThat(report.getDouble("noShowRate")).isEqualTo(0.2);
        assertThat(report.getLong("walkIns")).isEqualTo(10);
        assertThat(report.getLong("served")).isEqualTo(10);
        assertThat(report.getDouble("medianWaitMinutes")).isEqualTo(55.0);
        assertThat(report.getDouble("p90WaitMinutes")).isEqualTo(91.0);
        assertThat(report.getDouble("servedWithinTargetShare")).isEqualTo(0.3);
        assertThat(report.getLong("proceduresDecided")).isEqualTo(5);
        assertThat(report.getDouble("resolvedWithinLimitShare")).isEqualTo(0.8);
        assertThat(report.getLong("surveys.responses")).isEqualTo(10);
        assertThat(report.getDouble("surveys.overall")).isEqualTo(4.5);
        assertThat(report.getBoolean("certification.passed")).isFalse();
        List<Map<String, Object>> checks = report.getList("certification.checks");
        assertThat(checks).filteredOn(check -> !(Boolean) check.get("passed"))
                .extracting(check -> check.get("criterion"))
                .containsExactlyInAnyOrder("servedWithinTarget", "resolvedWithinLimit");
        assertThat(checks).filteredOn(check -> "servedWithinTarget".equals(check.get("criterion")))
                .singleElement().satisfies(check -> assertThat((String) check.get("reason")).contains("0.3"));

        given().header("Authorization", TestTokens.staff("consulate-supervisor", "SJC"))
                .queryParam("from", "2026-06-01").queryParam("to", "2026-06-30")
                .get("/consulates/MAD/service-standards").then().statusCode(404);
    }
}
