package mx.gob.sre.gateway;

import static io.restassured.RestAssured.given;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import mx.gob.sre.testsupport.OpenApiAssertions;
import mx.gob.sre.testsupport.OpenApiFuzzer;

@QuarkusTest
@WithTestResource(GatewayTestResource.class)
class OpenApiDocumentTest {

    @Test
    void shouldDocumentEveryAdministrationOperationWithItsErrors() throws Exception {
        String document = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        OpenApiAssertions.assertEveryOperationDocumented(document);
    }

    @Test
    void shouldAnswerEveryGeneratedAdministrationRequestWithoutServerErrorsOrLeaks() throws Exception {
        OpenApiFuzzer.assertServiceHoldsUp(List.of("Bearer " + Personas.adminToken(),
                "Bearer " + Personas.userToken("citizen")), 24);
    }
}
