package mx.gob.sre.consular;

import static io.restassured.RestAssured.given;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

import io.restassured.http.ContentType;
import mx.gob.sre.platform.curp.Curp;
import mx.gob.sre.testsupport.SuiteInfrastructure;
import mx.gob.sre.testsupport.TestCurps;
import mx.gob.sre.testsupport.TestTokens;

/** Test data made through the API, and direct reads of the database for checks. */
public final class Fixtures {

    private Fixtures() {
    }

    public static String citizenBody(String curp, String consulate) {
        LocalDate born = Curp.parse(curp).birthDate();
        return """
                {"curp":"%s","givenNames":"Gloria","firstSurname":"Hernández","secondSurname":"García",
                 "dateOfBirth":"%s","contact":{"email":"gloria@example.org","phone":"+14085551234"},
                 "address":{"line1":"1200 Story Rd","city":"San Jose","region":"CA","postalCode":"95122","country":"US"},
                 "consulate":"%s","consent":{"privacyNoticeVersion":"2026-01","accepted":true}}
                """.formatted(curp, born, consulate);
    }

    /** Registers a new random citizen with a consulate and returns the CURP. */
    public static String registeredCitizen(String consulate) {
        String curp = TestCurps.random();
        given().header("Authorization", TestTokens.staff("consular-officer", consulate))
                .contentType(ContentType.JSON).body(citizenBody(curp, consulate))
                .post("/citizens").then().statusCode(201);
        return curp;
    }

    public static Connection database() throws SQLException {
        return SuiteInfrastructure.postgres().connect("consular");
    }

    public static long count(String sql, Object... parameters) throws SQLException {
        try (Connection connection = database(); PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    public static int update(String sql, Object... parameters) throws SQLException {
        try (Connection connection = database(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }
}
