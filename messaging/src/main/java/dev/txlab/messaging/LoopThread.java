package dev.txlab.messaging;

import java.time.Duration;

/**
 * A daemon thread that runs one pass after another until closed (the outbox relay, the saga
 * coordinator's timeouts). A pass waits for its own trigger; an interrupt ends the loop.
 */
public final class LoopThread implements AutoCloseable {
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    /** One pass of the loop; it may block waiting for work. */
    @FunctionalInterface
    public interface Pass {
        void run() throws InterruptedException;
    }

    private final Thread thread;
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

    /** Stops the loop: interrupts the pass and waits a few seconds for it to end. */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(STOP_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
