package mx.gob.sre.scholarship.contest;

import static io.restassured.RestAssured.given;
import static mx.gob.sre.scholarship.Fixtures.IME;
import static mx.gob.sre.scholarship.Fixtures.PDF;
import static mx.gob.sre.scholarship.Fixtures.PNG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import mx.gob.sre.scholarship.Fixtures;
import mx.gob.sre.testsupport.SuiteInfrastructure;
import mx.gob.sre.testsupport.TestCurps;
import mx.gob.sre.testsupport.TestKafka;
import mx.gob.sre.testsupport.TestTokens;

/** "Este es mi México": entries with consent, drawings by their bytes, judging, results and the gallery. */
@QuarkusTest
@WithTestResource(value = SuiteInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "scholarship"))
class ContestTest {

    static final String JUDGE = Fixtures.member("juez@ime", "SJC");

    @Inject
    EntityManager em;

    record Entry(String id, String guardian, String curp, String surnames, String category, boolean publish) {
    }

    @Test
    void shouldRunAContestFromEntriesToThePublicGallery() {
        Instant closes = Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        String contest = given().header("Authorization", IME).contentType(ContentType.JSON).body("""
                {"title":"Este es mi México 2030","cycle":2030,"opensAt":"%s","closesAt":"%s",
                 "rulesText":"Dibujos originales de niñas y niños de 6 a 14 años...","rulesVersion":"2030.1",
                 "ageCategories":[{"name":"6-8","minAge":6,"maxAge":8},{"name":"9-11","minAge":9,"maxAge":11},
                                  {"name":"12-14","minAge":12,"maxAge":14}]}"""
                .formatted(Instant.now().minus(1, ChronoUnit.DAYS), closes))
                .post("/contests").then().statusCode(201).body("status", equalTo("OPEN")).extract().path("id");
        given().header("Authorization", IME).contentType(ContentType.JSON).body("""
                {"title":"Bad","cycle":2030,"opensAt":"%s","closesAt":"%s","rulesText":"x","rulesVersion":"1",
                 "ageCategories":[{"name":"a","minAge":6,"maxAge":10},{"name":"b","minAge":9,"maxAge":14}]}"""
                .formatted(Instant.now(), closes)).post("/contests").then().statusCode(400)
                .body("errors.message", hasItem(containsString("overlaps a")));

        // Consent, the rights and the age are checked, every failure named.
        String guardianCurp = TestCurps.random();
        String guardian = TestTokens.citizen(guardianCurp);
        given().header("Authorization", guardian).contentType(ContentType.JSON)
                .body(entry(10, "López", false, false, "2030.1", true)).post("/contests/" + contest + "/entries")
                .then().statusCode(422).contentType(containsString("application/problem+json"))
                .body("errors.field", containsInAnyOrder("consent.guardianConsent", "consent.rightsTransferred"));
        given().header("Authorization", guardian).contentType(ContentType.JSON)
                .body(entry(5, "López", true, true, "2029.9", true)).post("/contests/" + contest + "/entries")
                .then().statusCode(422)
                .body("errors.field", containsInAnyOrder("child.dateOfBirth", "consent.rulesVersion"));

        // The drawing is PNG or JPEG by its bytes: a PDF named .png is refused.
        String first = given().header("Authorization", guardian).contentType(ContentType.JSON)
                .body(entry(10, "López Hernández", true, true, "2030.1", true))
                .post("/contests/" + contest + "/entries").then().statusCode(201)
                .body("status", equalTo("AWAITING_IMAGE")).body("ageCategory", equalTo("9-11"))
                .body("childSurnames", equalTo("López Hernández")).extract().path("id");
        drawing(guardian, contest, first, PDF, "image/png").then().statusCode(415)
                .body("type", containsString("unsupported-content"));
        given().header("Authorization", guardian).get("/contests/" + contest + "/entries/" + first).then()
                .statusCode(200).body("status", equalTo("AWAITING_IMAGE"));
        drawing(TestTokens.citizen(TestCurps.random()), contest, first, PNG, "image/png").then().statusCode(404);
        drawing(guardian, contest, first, PNG, "image/png").then().statusCode(200)
                .body("status", equalTo("SUBMITTED"));
        given().header("Authorization", TestTokens.citizen(TestCurps.random()))
                .get("/contests/" + contest + "/entries/" + first).then().statusCode(404);

        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry(first, guardian, guardianCurp, "López Hernández", "9-11", true));
        int[] ages = {7, 10, 13};
        for (int i = 0; i < 66; i++) {
            String curp = TestCurps.random();
            String token = TestTokens.citizen(curp);
            int age = ages[i % 3];
            boolean publish = i % 4 != 0;
            String surnames = "Apellido" + i + " Zamora";
            String id = given().header("Authorization", token).contentType(ContentType.JSON)
                    .body(entry(age, surnames, true, true, "2030.1", publish))
                    .post("/contests/" + contest + "/entries").then().statusCode(201).extract().path("id");
            drawing(token, contest, id, PNG, "application/octet-stream").then().statusCode(200);
            entries.add(new Entry(id, token, curp, surnames, age == 7 ? "6-8" : age == 10 ? "9-11" : "12-14",
                    publish));
        }

        // Judges see no surname and no guardian; disqualification is traced in the audit.
        given().header("Authorization", JUDGE).get("/contests/" + contest + "/entries/" + first).then()
                .statusCode(200).body("childSurnames", nullValue()).body("guardian", nullValue())
                .body("childGivenNames", equalTo("Sofía"));
        assertThat(given().header("Authorization", JUDGE).get("/contests/" + contest + "/entries?status=SUBMITTED")
                .then().statusCode(200).extract().asString()).doesNotContain("Zamora").doesNotContain(guardianCurp);
        given().header("Authorization", guardian).get("/contests/" + contest + "/entries").then().statusCode(403);
        Entry traced = entries.get(1);
        given().header("Authorization", JUDGE).contentType(ContentType.JSON)
                .body("{\"reason\":\"TRACED\",\"note\":\"Calcado de una ilustración publicada\"}")
                .post("/contests/" + contest + "/entries/" + traced.id() + "/disqualification").then().statusCode(200)
                .body("status", equalTo("DISQUALIFIED")).body("disqualification", equalTo("TRACED"));
        Number audited = QuarkusTransaction.requiringNew().call(() -> (Number) em.createNativeQuery(
                "SELECT count(*) FROM contest_audit WHERE entry_id = :id AND action = 'DISQUALIFIED' AND actor = 'juez@ime'")
                .setParameter("id", UUID.fromString(traced.id())).getSingleResult());
        assertThat(audited.longValue()).isEqualTo(1);

        // Results: after the close, 12 winners and 50 honourable mentions among eligible entries.
        List<Entry> eligible = entries.stream().filter(e -> e != traced).toList();
        List<String> winners = new ArrayList<>();
        for (String category : List.of("6-8", "9-11", "12-14")) {
            eligible.stream().filter(e -> e.category().equals(category)).limit(4).map(Entry::id).forEach(winners::add);
        }
        List<String> mentions = eligible.stream().map(Entry::id).filter(id -> !winners.contains(id)).limit(50).toList();
        given().header("Authorization", IME).contentType(ContentType.JSON)
                .body(Map.of("winners", winners, "honourableMentions", mentions))
                .post("/contests/" + contest + "/results").then().statusCode(422)
                .body("rule", equalTo("contest-closed"));
        Fixtures.close(em, "contest", contest);
        given().header("Authorization", guardian).contentType(ContentType.JSON)
                .body(entry(10, "Tarde", true, true, "2030.1", true)).post("/contests/" + contest + "/entries")
                .then().statusCode(422).body("errors.message", hasItem(containsString("rule contest-open")));
        given().header("Authorization", IME).contentType(ContentType.JSON)
                .body(Map.of("winners", winners.subList(0, 11), "honourableMentions", mentions))
                .post("/contests/" + contest + "/results").then().statusCode(422)
                .body("errors.message", hasItem(containsString("must be 12 different entries")));
        List<String> withTraced = new ArrayList<>(winners.subList(0, 11));
        withTraced.add(traced.id());
        given().header("Authorization", IME).contentType(ContentType.JSON)
                .body(Map.of("winners", withTraced, "honourableMentions", mentions))
                .post("/contests/" + contest + "/results").then().statusCode(422)
                .body("errors.message", hasItem(containsString("not eligible")));
        given().header("Authorization", JUDGE).contentType(ContentType.JSON)
                .body(Map.of("winners", winners, "honourableMentions", mentions))
                .post("/contests/" + contest + "/results").then().statusCode(403);
        given().header("Authorization", IME).contentType(ContentType.JSON)
                .body(Map.of("winners", winners, "honourableMentions", mentions))
                .post("/contests/" + contest + "/results").then().statusCode(201);
        given().header("Authorization", IME).contentType(ContentType.JSON)
                .body(Map.of("winners", winners, "honourableMentions", mentions))
                .post("/contests/" + contest + "/results").then().statusCode(409);
        Response results = given().header("Authorization", guardian).get("/contests/" + contest + "/results");
        results.then().statusCode(200);
        assertThat(results.jsonPath().getList("winners")).hasSize(12);
        assertThat(results.jsonPath().getList("honourableMentions")).hasSize(50);
        assertThat(results.asString()).doesNotContain("Zamora").doesNotContain("Hernández");

        // The gallery: winners whose guardian consented to publication, without surnames.
        List<Entry> published = eligible.stream().filter(e -> winners.contains(e.id()) && e.publish()).toList();
        Response gallery = given().header("Authorization", TestTokens.client("mobile-backend", "mobile-backend"))
                .get("/contests/" + contest + "/gallery");
        gallery.then().statusCode(200);
        assertThat(gallery.jsonPath().getList("entryId")).containsExactlyInAnyOrderElementsOf(
                published.stream().map(Entry::id).toList());
        assertThat(published.size()).isLessThan(12);
        assertThat(gallery.asString()).doesNotContain("Zamora").doesNotContain("Hernández").doesNotContain("Apellido")
                .doesNotContain("1200 Story").doesNotContain("@example");
        String galleryImage = gallery.jsonPath().getString("[0].imagePath");
        byte[] image = given().header("Authorization", TestTokens.client("mobile-backend", "mobile-backend"))
                .get("/" + galleryImage).then().statusCode(200).contentType("image/png").extract().asByteArray();
        assertThat(image).isEqualTo(PNG);
        Entry hidden = eligible.stream().filter(e -> winners.contains(e.id()) && !e.publish()).findFirst().orElseThrow();
        given().header("Authorization", TestTokens.client("mobile-backend", "mobile-backend"))
                .get("/contests/" + contest + "/gallery/" + hidden.id() + "/image").then().statusCode(404);

        // The families' timelines learn of the results through scholarship.contest, by the guardian's CURP.
        Entry winner = eligible.stream().filter(e -> e.id().equals(winners.get(0))).findFirst().orElseThrow();
        ConsumerRecord<String, String> event = TestKafka.awaitRecord(ContestEvents.TOPIC, Duration.ofSeconds(20),
                r -> winner.id().equals(r.key()));
        assertThat(TestKafka.header(event, "ce_type")).isEqualTo(ContestEvents.ENTRY_AWARDED_V1);
        assertThat(event.value()).contains(winner.curp()).contains("\"placement\":\"WINNER\"")
                .doesNotContain(winner.surnames()).doesNotContain("Sofía");

        // ARCO: the guardian gets what is held on them; nobody else does.
        given().header("Authorization", winner.guardian()).get("/citizens/" + winner.curp() + "/export").then()
                .statusCode(200).body("contestEntries[0].childSurnames", equalTo(winner.surnames()));
        given().header("Authorization", guardian).get("/citizens/" + winner.curp() + "/export").then()
                .statusCode(404);
    }

    static String entry(int age, String surnames, boolean consent, boolean rights, String rulesVersion,
            boolean publish) {
        LocalDate born = LocalDate.now().plusDays(10).minusYears(age).minusDays(40);
        return """
                {"child":{"givenNames":"Sofía","surnames":"%s","dateOfBirth":"%s"},"countryOfResidence":"US",
                 "mexicanBackground":"MEXICAN_PARENT","drawingTitle":"Mi abuela en Oaxaca",
                 "guardian":{"name":"Gloria García","relationship":"mother","email":"gloria@example.com"},
                 "consent":{"rulesVersion":"%s","guardianConsent":%s,"rightsTransferred":%s,
                            "publicationConsent":%s}}"""
                .formatted(surnames, born, rulesVersion, consent, rights, publish);
    }

    static Response drawing(String token, String contest, String entry, byte[] bytes, String contentType) {
        return given().header("Authorization", token).contentType(contentType).body(bytes)
                .put("/uploads/contests/" + contest + "/entries/" + entry + "/image?filename=drawing.png");
    }
}
