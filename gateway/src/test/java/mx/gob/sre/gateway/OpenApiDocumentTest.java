package mx.gob.sre.gateway;

import static io.restassured.RestAssured.given;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import mx.gob.sre.testsupport.OpenApiAssertions;

@QuarkusTest
@WithTestResource(GatewayTestResource.class)
class OpenApiDocumentTest {

    @Test
    void shouldDocumentEveryAdministrationOperationWithItsErrors() throws Exception {
        String document = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        OpenApiAssertions.assertEveryOperationDocumented(document);
    }
}
