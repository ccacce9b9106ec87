package mx.gob.sre.consular.citizen;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import mx.gob.sre.testsupport.SuiteInfrastructure;
import mx.gob.sre.testsupport.TestCurps;
import mx.gob.sre.testsupport.TestTokens;

@QuarkusTest
@WithTestResource(value = SuiteInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "consular"))
class RequestIdLoggingTest {

    @Test
    void shouldCarryTheCallersRequestIdIntoTheServiceLog() {
        List<ExtLogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record instanceof ExtLogRecord ext) {
                    ext.copyMdc();
                    records.add(ext);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            String curp = TestCurps.random();
            given().header("Authorization", TestTokens.citizen(curp)).header("X-Request-Id", "trace-me-1234")
                    .contentType(ContentType.JSON).body(CitizenRegistrationTest.body(curp))
                    .post("/citizens").then().statusCode(201).header("X-Request-Id", "trace-me-1234");
        } finally {
            root.removeHandler(capture);
        }
        assertThat(records)
                .filteredOn(record -> record.getFormattedMessage().contains("registered with consulate"))
                .singleElement()
                .satisfies(record -> assertThat(record.getMdc("requestId")).isEqualTo("trace-me-1234"));
    }
}
