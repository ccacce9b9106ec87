package mx.gob.sre.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class RequestIdsTest {

    @Test
    void aWellFormedIdIsKeptAndAnythingElseIsReplacedByAFreshOne() {
        assertThat(RequestIds.accept("abc-123.x_y:z")).isEqualTo("abc-123.x_y:z");
        for (String unsafe : new String[] {null, "", "a b", "id\nforged log line", "x".repeat(129), "ñ"}) {
            String id = RequestIds.accept(unsafe);
            assertThat(id).isNotEqualTo(unsafe);
            assertThat(UUID.fromString(id).toString()).isEqualTo(id);
        }
    }

    @Test
    void freshIdsAreVersion4UuidsOfTheIetfVariantAndDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            String id = RequestIds.fresh();
            UUID uuid = UUID.fromString(id);
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
            seen.add(id);
        }
        assertThat(seen).hasSize(100_000);
    }
}
