package mx.gob.sre.gateway;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.formatters.PatternFormatter;

/**
 * Writes a logger's lines in batches, as nginx's {@code access_log ... buffer= flush=} does. Two stages:
 * <ul>
 * <li>Each thread gathers its lines in a buffer of its own ({@link #write}) and hands them to the logger
 * as one record of many lines when {@value #BATCH_CHARS} characters have gathered, and at every interval.
 * A record per line cost the gateway's event loops ~1.5 µs per request: the record, the handler's lock,
 * the formatter's copies and the writer, all paid once per batch now. Only when every handler of the
 * category prints the bare message ({@code %s%n}), so that a record of many lines prints exactly as the
 * lines would have one by one; otherwise every line is its own record.</li>
 * <li>The handlers stop flushing after every record and are flushed every interval, whenever their 8 KiB
 * buffer fills, and when the batches are closed. At full load the access log cost a write system call per
 * request, and the two event loops queued for the handler's lock around it (strace: one futex wake-up for
 * every three requests); now both are paid once per batch.</li>
 * </ul>
 * A process killed with SIGKILL loses at most one interval of lines. Lines of different threads are in
 * order within each thread's batches; each line carries its own time.
 */
final class LogBatches implements AutoCloseable {

    /** The characters a thread gathers before it hands them to the logger: about what a handler buffers. */
    static final int BATCH_CHARS = 8192;

    private final Logger logger;
    private final List<ExtHandler> handlers;
    private final ScheduledExecutorService flusher;
    private final boolean gathers;
    private final List<Lines> threads = new CopyOnWriteArrayList<>();
    private final ThreadLocal<Lines> own = ThreadLocal.withInitial(() -> {
        Lines lines = new Lines();
        threads.add(lines);
        return lines;
    });
    private volatile boolean closed;

    /** One thread's gathered lines; its lock is uncontended but for the flusher's visit each interval. */
    private final class Lines {
        private final StringBuilder text = new StringBuilder(BATCH_CHARS + 512);

        synchronized void add(Consumer<StringBuilder> line) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            line.accept(text);
            // After close began, no flush comes again: hand over at once (close sets the flag first).
            if (text.length() >= BATCH_CHARS || closed) {
                handOver();
            }
        }

        synchronized void handOver() {
            if (!text.isEmpty()) {
                logger.info(text.toString());
                text.setLength(0);
            }
        }
    }

    private LogBatches(Logger logger, List<ExtHandler> handlers, ScheduledExecutorService flusher) {
        this.logger = logger;
        this.handlers = handlers;
        this.flusher = flusher;
        this.gathers = !handlers.isEmpty() && handlers.stream().allMatch(LogBatches::printsBareMessage);
    }

    /**
     * Batches the handlers of {@code category} that can buffer (JBoss LogManager's), flushing them every
     * {@code interval}; a zero interval leaves every line written at once.
     */
    static LogBatches start(String category, Duration interval) {
        Logger logger = Logger.getLogger(category);
        if (interval.isZero() || interval.isNegative()) {
            return new LogBatches(logger, List.of(), null);
        }
        List<ExtHandler> handlers = Arrays.stream(logger.getHandlers())
                .filter(ExtHandler.class::isInstance).map(ExtHandler.class::cast).toList();
        if (handlers.isEmpty()) {
            return new LogBatches(logger, handlers, null);
        }
        handlers.forEach(handler -> handler.setAutoFlush(false));
        ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "log-batches-" + category);
            thread.setDaemon(true);
            return thread;
        });
        LogBatches batches = new LogBatches(logger, handlers, flusher);
        flusher.scheduleWithFixedDelay(batches::flush, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return batches;
    }

    private static boolean printsBareMessage(ExtHandler handler) {
        return handler.getFormatter() instanceof PatternFormatter formatter && "%s%n".equals(formatter.getPattern());
    }

    /** The handlers now writing in batches. */
    List<ExtHandler> handlers() {
        return handlers;
    }

    /** Whether lines are gathered per thread before they reach the logger (see the class comment). */
    boolean gathers() {
        return gathers;
    }

    /**
     * Logs one line at INFO, written by {@code line} into the text it is appended to: gathered with the
     * calling thread's lines, or at once as a record of its own.
     */
    void write(Consumer<StringBuilder> line) {
        if (gathers && !closed) {
            own.get().add(line);
        } else {
            StringBuilder text = new StringBuilder(256);
            line.accept(text);
            logger.info(text.toString());
        }
    }

    void flush() {
        threads.forEach(Lines::handOver);
        handlers.forEach(ExtHandler::flush);
    }

    /** Writes what is gathered and buffered and goes back to writing every line at once. */
    @Override
    public void close() {
        closed = true;
        if (flusher != null) {
            flusher.shutdownNow();
        }
        threads.forEach(Lines::handOver);
        handlers.forEach(handler -> handler.setAutoFlush(true));
        handlers.forEach(ExtHandler::flush);
    }
}
