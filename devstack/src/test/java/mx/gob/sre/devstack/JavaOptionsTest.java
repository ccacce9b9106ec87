package mx.gob.sre.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The JVM options each service of the local stack starts with. */
class JavaOptionsTest {

    @Test
    void shouldGiveEveryServiceTheCommonOptionsAndOneServiceItsOwnToo() {
        Map<String, String> environment = Map.of(
                "DEVSTACK_JAVA_OPTS", "-Xmx256m  -XX:+UseSerialGC",
                "DEVSTACK_JAVA_OPTS_VOTER_REGISTRATION_SERVICE", "-XX:TieredStopAtLevel=1");

        assertThat(DevStack.javaOptions(environment, "voter-registration-service"))
                .containsExactly("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
        assertThat(DevStack.javaOptions(environment, "consular-service"))
                .containsExactly("-Xmx256m", "-XX:+UseSerialGC");
    }

    @Test
    void shouldStartWithTheDefaultHeapWhenNothingIsSet() {
        assertThat(DevStack.javaOptions(Map.of(), "gateway"))
                .containsExactly("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC");
    }
}
