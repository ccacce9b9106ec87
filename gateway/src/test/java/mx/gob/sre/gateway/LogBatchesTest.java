package mx.gob.sre.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.StringWriter;
import java.time.Duration;
import java.util.UUID;
import java.util.logging.Logger;

import org.jboss.logmanager.formatters.PatternFormatter;
import org.jboss.logmanager.handlers.WriterHandler;
import org.junit.jupiter.api.Test;

class LogBatchesTest {

    private final StringWriter out = new StringWriter();
    private final WriterHandler handler = new WriterHandler();
    private final String category = "test.log-batches." + UUID.randomUUID();
    private final Logger logger = Logger.getLogger(category);

    LogBatchesTest() {
        handler.setFormatter(new PatternFormatter("%s%n"));
        handler.setWriter(out);
        logger.setUseParentHandlers(false);
        logger.addHandler(handler);
    }

    @Test
    void linesWaitInTheBufferUntilFlushedAndCloseWritesTheRestThenGoesBackToLineByLine() {
        LogBatches batches = LogBatches.start(category, Duration.ofHours(1));
        assertThat(batches.handlers()).containsExactly(handler);

        logger.info("one");
        logger.info("two");
        assertThat(out.toString()).isEmpty();
        batches.flush();
        assertThat(out.toString()).isEqualTo("one\ntwo\n");

        logger.info("three");
        assertThat(out.toString()).isEqualTo("one\ntwo\n");
        batches.close();
        assertThat(out.toString()).isEqualTo("one\ntwo\nthree\n");
        logger.info("four");
        assertThat(out.toString()).isEqualTo("one\ntwo\nthree\nfour\n");
    }

    @Test
    void bufferedLinesAreWrittenWithinTheIntervalWithoutAnyoneFlushing() {
        try (LogBatches batches = LogBatches.start(category, Duration.ofMillis(100))) {
            assertThat(batches.handlers()).containsExactly(handler);
            logger.info("one");
            logger.info("two");
            await().atMost(Duration.ofSeconds(5)).until(() -> out.toString().equals("one\ntwo\n"));
        }
    }

    @Test
    void aZeroIntervalWritesEveryLineAtOnce() {
        try (LogBatches batches = LogBatches.start(category, Duration.ZERO)) {
            assertThat(batches.handlers()).isEmpty();
            logger.info("one");
            assertThat(out.toString()).isEqualTo("one\n");
        }
    }
}
