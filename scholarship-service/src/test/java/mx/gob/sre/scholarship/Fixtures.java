package mx.gob.sre.scholarship;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.persistence.EntityManager;
import mx.gob.sre.testsupport.TestTokens;

/** What the scholarship tests share: personas, institutions, calls and files. */
public final class Fixtures {

    public static final String IME = TestTokens.token().subject("ime-admin").roles("admin").bearer();
    public static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);
    public static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D',
        'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0};

    private Fixtures() {
    }

    public static String supervisor(String consulate) {
        return TestTokens.staff("consulate-supervisor", consulate);
    }

    public static String officer(String consulate) {
        return TestTokens.staff("consular-officer", consulate);
    }

    public static String member(String name, String consulate) {
        return TestTokens.token().subject(name).roles("ime-committee-member").consulate(consulate).bearer();
    }

    public static String institutionClient(String clientId) {
        return TestTokens.client(clientId, "institution", "scholarships:read", "scholarships:write");
    }

    /** Registers an institution through its partner client and has its consulate verify it. */
    public static String verifiedInstitution(String client, String consulate, String name, String contactCurp) {
        String id = given().header("Authorization", client).contentType(ContentType.JSON).body("""
                {"legalName":"%s","taxId":"%s","type":"COMMUNITY_COLLEGE","consulate":"%s",
                 "contacts":[{"name":"Dr. Ana Ruiz","role":"Grants officer","email":"ana.ruiz@example.edu",
                              "phone":"+14085550100","curp":%s}]}"""
                .formatted(name, "94-" + (1000000 + (int) (Math.random() * 8999999)), consulate,
                        contactCurp == null ? "null" : "\"" + contactCurp + "\""))
                .post("/institutions").then().statusCode(201).body("status", equalTo("PENDING_VERIFICATION"))
                .extract().path("id");
        given().header("Authorization", supervisor(consulate)).contentType(ContentType.JSON)
                .body("{\"decision\":\"VERIFIED\",\"note\":\"Checked the accreditation\"}")
                .post("/institutions/" + id + "/verification").then().statusCode(200)
                .body("status", equalTo("VERIFIED"));
        return id;
    }

    /** Opens a call of the consulate for the cycle, open now, with a committee of three. */
    public static String openCall(String consulate, int cycle, long adultCap, long higherCap, List<String> committee) {
        LocalDateTime now = LocalDateTime.now();
        String id = given().header("Authorization", supervisor(consulate)).contentType(ContentType.JSON).body("""
                {"cycle":%d,"title":"IME-Becas %d %s","opens":"%s","closes":"%s",
                 "adultEducationCapCents":%d,"higherEducationCapCents":%d,"currency":"USD",
                 "requiredDocuments":["proof-of-status","budget"],
                 "rubric":[{"name":"community-impact","weight":50},{"name":"feasibility","weight":30},
                           {"name":"matching-funds","weight":20}]}"""
                .formatted(cycle, cycle, consulate, now.minusDays(2).withNano(0), now.plusDays(30).withNano(0),
                        adultCap, higherCap))
                .post("/calls").then().statusCode(201).body("status", equalTo("OPEN")).extract().path("id");
        given().header("Authorization", supervisor(consulate)).contentType(ContentType.JSON)
                .body(Map.of("members", committee)).put("/calls/" + id + "/committee").then().statusCode(200);
        return id;
    }

    public static Response apply(String client, String callId, String institutionId, String category, long amount,
            int students, double lowIncomeShare) {
        return given().header("Authorization", client).contentType(ContentType.JSON).body("""
                {"institutionId":"%s","category":"%s","amountRequestedCents":%d,"students":%d,
                 "amountPerStudentCents":%d,"selectionProcess":"Need-based, reviewed by a panel of three",
                 "timeline":"Spring and fall terms","matchingFundsCents":%d,"lowIncomeSharePct":%s}"""
                .formatted(institutionId, category, amount, students, amount / students, amount / 2, lowIncomeShare))
                .post("/calls/" + callId + "/applications");
    }

    public static void score(String member, String applicationId, int impact, int feasibility, int matching) {
        given().header("Authorization", member).contentType(ContentType.JSON)
                .body(Map.of("criteria", Map.of("community-impact", impact, "feasibility", feasibility,
                        "matching-funds", matching)))
                .put("/applications/" + applicationId + "/scores/mine").then().statusCode(204);
    }

    /** Moves a call's window into the past, as if its closing date had come. */
    public static void close(EntityManager em, String table, String id) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE " + table
                        + " SET opens_at = now() - interval '3 days', closes_at = now() - interval '1 second' "
                        + "WHERE id = :id")
                .setParameter("id", UUID.fromString(id)).executeUpdate());
    }
}
