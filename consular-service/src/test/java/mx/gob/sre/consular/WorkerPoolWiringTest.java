package mx.gob.sre.consular;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.ExecutorRecorder;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import mx.gob.sre.testsupport.SuiteInfrastructure;

/** The platform's worker-pool ceiling reaches the executor a service's blocking endpoints run on (ADR 0017). */
@QuarkusTest
@WithTestResource(value = SuiteInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "consular"))
class WorkerPoolWiringTest {

    static final int CEILING = 32;

    @Test
    void blockingWorkBeyondTheCeilingWaitsForAWorker() throws InterruptedException {
        Executor workers = ExecutorRecorder.getCurrent();
        int tasks = CEILING + 8;
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(tasks);
        AtomicInteger running = new AtomicInteger();
        for (int i = 0; i < tasks; i++) {
            workers.execute(() -> {
                running.incrementAndGet();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    finished.countDown();
                }
            });
        }
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (running.get() < CEILING && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Thread.sleep(300); // time for a worker beyond the ceiling to start, if the pool allowed one
            assertThat(running.get()).isEqualTo(CEILING);
        } finally {
            release.countDown();
        }
        assertThat(finished.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(running.get()).isEqualTo(tasks);
    }
}
