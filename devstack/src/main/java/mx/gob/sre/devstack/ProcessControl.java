package mx.gob.sre.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Keeps the pids of the stack's child processes in a file, so that a start after a crash (or a kill -9
 * of the launcher) first stops what the previous run left behind.
 */
public final class ProcessControl {

    private ProcessControl() {
    }

    public static void record(Path pidFile, String name, long pid) {
        try {
            Files.writeString(pidFile, name + " " + pid + System.lineSeparator(), StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops every recorded process that still runs a java command, then forgets them. */
    public static int stopLeftovers(Path pidFile) {
        if (!Files.exists(pidFile)) {
            return 0;
        }
        int stopped = 0;
        try {
            List<String> lines = Files.readAllLines(pidFile);
            for (String line : lines) {
                String[] parts = line.trim().split(" ");
                if (parts.length != 2) {
                    continue;
                }
                Optional<ProcessHandle> leftover = ProcessHandle.of(Long.parseLong(parts[1]))
                        .filter(ProcessHandle::isAlive)
                        .filter(handle -> handle.info().command().map(cmd -> cmd.endsWith("java")).orElse(false));
                if (leftover.isPresent()) {
                    terminate(leftover.get(), 10);
                    stopped++;
                }
            }
            Files.delete(pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return stopped;
    }

    /** SIGKILL, as a crash; returns once the process is gone. */
    static void kill(ProcessHandle handle) {
        handle.destroyForcibly();
        try {
            handle.onExit().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SIGTERM, then SIGKILL if the process is still there after the grace. */
    static void terminate(ProcessHandle handle, int graceSeconds) {
        if (!handle.isAlive()) {
            return;
        }
        handle.destroy();
        awaitExit(handle, Duration.ofSeconds(graceSeconds));
    }

    /** Waits for the process to exit; true if it did within the grace, else it is SIGKILLed: false. */
    static boolean awaitExit(ProcessHandle handle, Duration grace) {
        try {
            handle.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // still running: killed below
        }
        kill(handle);
        return false;
    }
}
