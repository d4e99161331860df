package dev.txlab.harness.loop;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Closing a loop never interrupts its running pass (an interrupt inside H2's file I/O closes the
 * database under everyone: CI run 24 lost a compare's saga-choreo run to a relay closed mid-select).
 */
class LoopThreadTest {
    @Test
    void closingWaitsForTheRunningPassInsteadOfInterruptingIt() throws Exception {
        CountDownLatch inPass = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        AtomicBoolean ended = new AtomicBoolean();
        LoopThread loop = new LoopThread("test-loop", () -> {
            inPass.countDown();
            try {
                release.await(); // stands for a database call that must not be interrupted
                ended.set(true);
            } catch (InterruptedException e) {
                interrupted.set(true);
                throw e;
            }
        }).start();
        assertThat(inPass.await(10, TimeUnit.SECONDS)).isTrue();

        Thread closer = new Thread(loop::close);
        closer.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> !loop.running());
        release.countDown();
        closer.join();

        assertThat(interrupted).as("the pass was interrupted").isFalse();
        assertThat(ended).isTrue();
    }

    @Test
    void closingCutsAPauseShortWithoutAnInterrupt() throws Exception {
        CountDownLatch inPass = new CountDownLatch(1);
        AtomicBoolean pauseEnded = new AtomicBoolean();
        AtomicBoolean interrupted = new AtomicBoolean();
        LoopThread[] loop = new LoopThread[1];
        loop[0] = new LoopThread("test-pause", () -> {
            inPass.countDown();
            try {
                loop[0].pause(Duration.ofMinutes(10));
                pauseEnded.set(true);
            } catch (InterruptedException e) {
                interrupted.set(true);
                throw e;
            }
        });
        loop[0].start();
        assertThat(inPass.await(10, TimeUnit.SECONDS)).isTrue();

        loop[0].close();

        assertThat(interrupted).as("the pause was interrupted").isFalse();
        assertThat(pauseEnded).isTrue();
    }
}
