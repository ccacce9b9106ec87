package mx.gob.sre.gateway;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtHandler;

/**
 * Writes a logger's lines in batches, as nginx's {@code access_log ... buffer= flush=} does: its handlers
 * stop flushing after every line and are flushed every interval instead, whenever their 8 KiB buffer
 * fills, and when the batches are closed. At full load the access log cost a write system call per
 * request, and the two event loops queued for the handler's lock around it (strace: one futex wake-up for
 * every three requests); now both are paid once per batch. A process killed with SIGKILL loses at most
 * one interval of lines.
 */
final class LogBatches implements AutoCloseable {

    private final List<ExtHandler> handlers;
    private final ScheduledExecutorService flusher;

    private LogBatches(List<ExtHandler> handlers, ScheduledExecutorService flusher) {
        this.handlers = handlers;
        this.flusher = flusher;
    }

    /**
     * Batches the handlers of {@code category} that can buffer (JBoss LogManager's), flushing them every
     * {@code interval}; a zero interval leaves every line written at once.
     */
    static LogBatches start(String category, Duration interval) {
        if (interval.isZero() || interval.isNegative()) {
            return new LogBatches(List.of(), null);
        }
        List<ExtHandler> handlers = Arrays.stream(Logger.getLogger(category).getHandlers())
                .filter(ExtHandler.class::isInstance).map(ExtHandler.class::cast).toList();
        if (handlers.isEmpty()) {
            return new LogBatches(handlers, null);
        }
        handlers.forEach(handler -> handler.setAutoFlush(false));
        ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "log-batches-" + category);
            thread.setDaemon(true);
            return thread;
        });
        LogBatches batches = new LogBatches(handlers, flusher);
        flusher.scheduleWithFixedDelay(batches::flush, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return batches;
    }

    /** The handlers now writing in batches. */
    List<ExtHandler> handlers() {
        return handlers;
    }

    void flush() {
        handlers.forEach(ExtHandler::flush);
    }

    /** Writes what is buffered and goes back to writing every line at once. */
    @Override
    public void close() {
        if (flusher != null) {
            flusher.shutdownNow();
        }
        handlers.forEach(handler -> handler.setAutoFlush(true));
        flush();
    }
}
