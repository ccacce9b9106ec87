package mx.gob.sre.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One service of the suite, run from its built jar as a child process with its log in a file. */
public final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final String name;
    private final int port;
    private final Process process;

    private ServiceProcess(String name, int port, Process process) {
        this.name = name;
        this.port = port;
        this.process = process;
    }

    public static ServiceProcess start(String name, Path jar, int port, Map<String, String> environment, Path log,
            List<String> jvmOptions) {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing; build first with ./mvnw -DskipTests package");
        }
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        builder.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
        try {
            return new ServiceProcess(name, port, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public String url() {
        return "http://localhost:" + port;
    }

    /** Waits until /q/health/ready answers 200, or the process dies, or the time is up. */
    public void awaitReady(Duration timeout) {
        await("/q/health/ready", timeout);
    }

    /** Waits until /q/health/live answers 200: the application has started. */
    public void awaitLive(Duration timeout) {
        await("/q/health/live", timeout);
    }

    private void await(String health, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see its log");
            }
            if (answers(url() + health)) {
                return;
            }
            sleep(250);
        }
        throw new IllegalStateException(name + " did not answer " + health + " within " + timeout.toSeconds()
                + " s; see its log");
    }

    private static boolean answers(String url) {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** SIGKILL, as a crash; returns once the process is gone. */
    public void kill() {
        ProcessControl.kill(process.toHandle());
    }

    /** SIGTERM, then SIGKILL after ten seconds. */
    public void stop() {
        requestStop();
        awaitExit(Duration.ofSeconds(10));
    }

    /** SIGTERM, without waiting. */
    public void requestStop() {
        process.destroy();
    }

    /** Waits for the process to exit; true if it did within the grace, else it is SIGKILLed: false. */
    public boolean awaitExit(Duration grace) {
        return ProcessControl.awaitExit(process.toHandle(), grace);
    }

    static void sleep(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
