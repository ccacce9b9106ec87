package mx.gob.sre.scholarship;

import static io.restassured.RestAssured.given;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import mx.gob.sre.testsupport.OpenApiAssertions;
import mx.gob.sre.testsupport.SuiteInfrastructure;

@QuarkusTest
@WithTestResource(value = SuiteInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "scholarship"))
class OpenApiDocumentTest {

    @Test
    void shouldDocumentEveryOperationWithItsErrors() throws Exception {
        String document = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        OpenApiAssertions.assertEveryOperationDocumented(document);
    }
}
