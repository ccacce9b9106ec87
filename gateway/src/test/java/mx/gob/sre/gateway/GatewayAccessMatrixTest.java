package mx.gob.sre.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Walks every route of docs/gateway-access-matrix.md with every persona and checks the documented
 * answer. The table is the specification: change it and this test follows.
 */
@QuarkusTest
@WithTestResource(GatewayTestResource.class)
class GatewayAccessMatrixTest {

    @Test
    void shouldAnswerEveryCellOfTheDocumentedMatrix() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("../docs/gateway-access-matrix.md"));
        List<String> header = null;
        List<String> mismatches = new ArrayList<>();
        int cells = 0;
        for (String line : lines) {
            if (!line.startsWith("|") || line.startsWith("|--") || line.startsWith("| --")) {
                continue;
            }
            List<String> columns = Arrays.stream(line.substring(1, line.lastIndexOf('|')).split("\\|"))
                    .map(String::trim).toList();
            if (header == null) {
                header = columns;
                continue;
            }
            String[] route = columns.get(0).replace("`", "").split(" ", 2);
            for (int i = 1; i < columns.size(); i++) {
                String persona = header.get(i);
                int expected = Integer.parseInt(columns.get(i));
                Response response = Personas.as(persona).contentType("application/json").body("{}")
                        .request(route[0], route[1]);
                cells++;
                if (response.statusCode() != expected) {
                    mismatches.add(route[0] + " " + route[1] + " as " + persona + ": expected " + expected
                            + ", got " + response.statusCode());
                } else if (expected >= 400) {
                    assertThat(response.contentType()).startsWith("application/problem+json");
                }
            }
        }
        assertThat(cells).as("cells walked").isGreaterThanOrEqualTo(7 * 11);
        assertThat(mismatches).isEmpty();
    }
}
