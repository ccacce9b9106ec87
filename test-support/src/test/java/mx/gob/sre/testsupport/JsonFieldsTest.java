package mx.gob.sre.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JsonFieldsTest {

    private static final String SLOTS = """
            {"id": "t-1", "slots":[{"startsAt":"2026-12-01T09:00:00Z","seats":4},
             {"startsAt" : "2026-12-01T09:20:00Z"}], "apiKey":"k.1"}""";

    @Test
    void readsTheFirstValueOfAFieldWhereverItStands() {
        assertThat(JsonFields.string(SLOTS, "id")).isEqualTo("t-1");
        assertThat(JsonFields.string(SLOTS, "startsAt")).isEqualTo("2026-12-01T09:00:00Z");
        assertThat(JsonFields.find(SLOTS, "apiKey")).contains("k.1");
    }

    @Test
    void readsEveryValueInOrder() {
        assertThat(JsonFields.strings(SLOTS, "startsAt"))
                .containsExactly("2026-12-01T09:00:00Z", "2026-12-01T09:20:00Z");
        assertThat(JsonFields.strings(SLOTS, "folio")).isEmpty();
    }

    @Test
    void aMissingFieldIsEmptyOrAFailureNamingIt() {
        assertThat(JsonFields.find(SLOTS, "seats")).isEmpty(); // a number, not a string
        assertThat(JsonFields.find(SLOTS, "api.Key")).isEmpty(); // the name is literal, not a pattern
        assertThatThrownBy(() -> JsonFields.string(SLOTS, "folio"))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("no folio in");
    }
}
