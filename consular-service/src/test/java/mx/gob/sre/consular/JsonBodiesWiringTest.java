package mx.gob.sre.consular;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import mx.gob.sre.platform.web.JsonBodies;
import mx.gob.sre.testsupport.SuiteInfrastructure;
import mx.gob.sre.testsupport.TestTokens;

/** The platform's read-ahead of JSON bodies is on in a service, and a body it read is still judged as before. */
@QuarkusTest
@WithTestResource(value = SuiteInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "consular"))
class JsonBodiesWiringTest {

    @Inject
    Instance<JsonBodies> readAhead;

    @Test
    void servicesReadJsonBodiesOnTheEventLoop() {
        assertThat(readAhead.isResolvable()).isTrue();
    }

    @Test
    void aMalformedBodyReadAheadIsStillAProblem() {
        given().header("Authorization", TestTokens.staff("consular-officer", "SJC")).contentType("application/json")
                .body("{\"consulate\": \"SJC\", ").post("/appointments")
                .then().statusCode(400).contentType("application/problem+json").body("status", equalTo(400));
    }
}
