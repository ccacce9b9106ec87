package mx.gob.sre.scholarship;

import static io.restassured.RestAssured.given;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import mx.gob.sre.testsupport.OpenApiAssertions;
import mx.gob.sre.testsupport.OpenApiFuzzer;
import mx.gob.sre.testsupport.SuiteInfrastructure;
import mx.gob.sre.testsupport.TestCurps;
import mx.gob.sre.testsupport.TestTokens;

@QuarkusTest
@WithTestResource(value = SuiteInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "scholarship"))
class OpenApiDocumentTest {

    @Test
    void shouldDocumentEveryOperationWithItsErrors() throws Exception {
        String document = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        OpenApiAssertions.assertEveryOperationDocumented(document);
    }

    @Test
    void shouldAnswerEveryGeneratedRequestWithoutServerErrorsOrLeaks() throws Exception {
        OpenApiFuzzer.assertServiceHoldsUp(List.of(TestTokens.citizen(TestCurps.random()), TestTokens.staff("consulate-supervisor", "SJC"),
                TestTokens.staff("consular-officer", "SJC"), TestTokens.token().subject("ana@sjc")
                        .roles("ime-committee-member").consulate("SJC").bearer(),
                TestTokens.token().subject("admin").roles("admin").bearer(),
                TestTokens.client("evergreen-college", "institution", "scholarships:read", "scholarships:write"),
                TestTokens.client("mobile-backend", "mobile-backend")), 24);
    }
}
