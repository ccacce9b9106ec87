package mx.gob.sre.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.stream.IntStream;

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
    void linesAreGatheredPerThreadAndPrintExactlyAsLineByLine() {
        LogBatches batches = LogBatches.start(category, Duration.ofHours(1));
        assertThat(batches.gathers()).isTrue();

        batches.write(text -> text.append("one"));
        batches.write(text -> text.append("two"));
        handler.flush();
        assertThat(out.toString()).as("gathered, not yet handed to the logger").isEmpty();

        batches.flush();
        assertThat(out.toString()).isEqualTo("one\ntwo\n");
        batches.write(text -> text.append("three"));
        batches.close();
        assertThat(out.toString()).isEqualTo("one\ntwo\nthree\n");
        batches.write(text -> text.append("four"));
        assertThat(out.toString()).as("line by line after close").isEqualTo("one\ntwo\nthree\nfour\n");
    }

    @Test
    void aThreadHandsItsLinesOverOnceABatchHasGathered() {
        try (LogBatches batches = LogBatches.start(category, Duration.ofHours(1))) {
            String line = "x".repeat(99);
            int lines = LogBatches.BATCH_CHARS / (line.length() + 1) + 1;
            for (int i = 0; i < lines; i++) {
                batches.write(text -> text.append(line));
            }
            batches.write(text -> text.append("after"));
            handler.flush();
            assertThat(out.toString()).isEqualTo((line + "\n").repeat(lines));
        }
    }

    @Test
    void everyThreadsLinesArriveInTheirOwnOrder() throws Exception {
        try (LogBatches batches = LogBatches.start(category, Duration.ofHours(1))) {
            Thread[] threads = new Thread[4];
            for (int t = 0; t < threads.length; t++) {
                String name = "t" + t;
                threads[t] = new Thread(() -> {
                    for (int i = 0; i < 1000; i++) {
                        int n = i;
                        batches.write(text -> text.append(name).append(' ').append(n));
                    }
                });
                threads[t].start();
            }
            for (Thread thread : threads) {
                thread.join();
            }
            batches.flush();
            List<String> written = out.toString().lines().toList();
            assertThat(written).hasSize(4000);
            for (int t = 0; t < threads.length; t++) {
                String prefix = "t" + t + " ";
                assertThat(written.stream().filter(line -> line.startsWith(prefix)).toList())
                        .isEqualTo(IntStream.range(0, 1000).mapToObj(i -> prefix + i).toList());
            }
        }
    }

    @Test
    void aHandlerWithAnotherFormatGetsARecordPerLine() {
        handler.setFormatter(new PatternFormatter("[%s]%n"));
        try (LogBatches batches = LogBatches.start(category, Duration.ofHours(1))) {
            assertThat(batches.gathers()).isFalse();
            batches.write(text -> text.append("one"));
            batches.write(text -> text.append("two"));
            batches.flush();
            assertThat(out.toString()).isEqualTo("[one]\n[two]\n");
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
