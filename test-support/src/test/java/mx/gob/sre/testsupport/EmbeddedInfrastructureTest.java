package mx.gob.sre.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import mx.gob.sre.platform.curp.Curp;

class EmbeddedInfrastructureTest {

    @Test
    void shouldRunPostgres17WithServiceDatabase() throws Exception {
        EmbeddedPostgresServer postgres = SuiteInfrastructure.postgres();
        postgres.createDatabase("probe", "probe", "probe");
        postgres.createDatabase("probe", "probe", "probe");
        try (Connection connection = postgres.connect("probe");
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SHOW server_version_num")) {
            rs.next();
            assertThat(rs.getInt(1)).isBetween(170000, 179999);
        }
    }

    @Test
    void shouldDeliverOverRealBrokerAcrossRestart() {
        String topic = "probe." + UUID.randomUUID();
        String first = TestKafka.sendCloudEvent(topic, "k1", "probe.v1", "{\"n\":1}");
        ConsumerRecord<String, String> record = TestKafka.awaitRecord(topic, Duration.ofSeconds(30),
                r -> first.equals(TestKafka.header(r, "ce_id")));
        assertThat(record.value()).isEqualTo("{\"n\":1}");

        EmbeddedKafkaBroker kafka = SuiteInfrastructure.kafka();
        kafka.stop();
        assertThat(kafka.isRunning()).isFalse();
        kafka.start();

        String second = TestKafka.sendCloudEvent(topic, "k1", "probe.v1", "{\"n\":2}");
        assertThat(TestKafka.awaitRecord(topic, Duration.ofSeconds(30),
                r -> second.equals(TestKafka.header(r, "ce_id"))).value()).isEqualTo("{\"n\":2}");
    }

    @Test
    void shouldGenerateValidCurps() {
        for (int i = 0; i < 200; i++) {
            assertThat(Curp.defectOf(TestCurps.random())).isEmpty();
        }
    }
}
