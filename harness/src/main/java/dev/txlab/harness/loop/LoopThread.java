package dev.txlab.harness.loop;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A daemon thread that runs one pass after another until closed (the outbox relay, the saga
 * coordinator's timeouts, a subscription's consumers, H2's housekeeping). Closing lets the running pass end by itself:
 * it is never interrupted while it may be inside a database call, since an interrupt inside H2's
 * file I/O closes the database's file channel under every connection using it. A pass must
 * therefore wait for its trigger only briefly, or through {@link #pause}, which closing cuts short.
 * Only a pass still running after {@link #STOP_WAIT} is interrupted.
 */
public final class LoopThread implements AutoCloseable {
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    /** One pass of the loop; it may block waiting for work. */
    @FunctionalInterface
    public interface Pass {
        void run() throws InterruptedException;
    }

    private final Thread thread;
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile boolean running = true;

    public LoopThread(String name, Pass pass) {
        this.thread = new Thread(() -> {
            while (running) {
                try {
                    pass.run();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }, name);
        thread.setDaemon(true);
    }

    public LoopThread start() {
        thread.start();
        return this;
    }

    /** False once closing began (a pass doing several steps may check it between them). */
    public boolean running() {
        return running;
    }

    /** Waits for {@code length}, or less if the loop is closing. */
    public void pause(Duration length) throws InterruptedException {
        closing.await(length.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Ends the loop after the current pass, without waiting (for a pass that finds it cannot go on). */
    public void finish() {
        running = false;
    }

    /** Stops the loop: waits a few seconds for the current pass to end, and interrupts it only if it has not. */
    @Override
    public void close() {
        running = false;
        closing.countDown();
        if (Thread.currentThread() == thread) {
            return;
        }
        try {
            thread.join(STOP_WAIT.toMillis());
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(STOP_WAIT.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
