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
    private final boolean interruptOnClose;
    private volatile boolean running = true;

    /** A loop whose close interrupts the pass (which may be waiting for its trigger). */
    public LoopThread(String name, Pass pass) {
        this(name, pass, true);
    }

    /**
     * A loop whose close lets the running pass end by itself (it must wait for its trigger only
     * briefly), so that work it started, such as a database transaction, is never interrupted; it is
     * interrupted only if it has not ended after a few seconds.
     */
    public static LoopThread closedGently(String name, Pass pass) {
        return new LoopThread(name, pass, false);
    }

    private LoopThread(String name, Pass pass, boolean interruptOnClose) {
        this.interruptOnClose = interruptOnClose;
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

    /** Ends the loop after the current pass, without waiting (for a pass that finds it cannot go on). */
    public void finish() {
        running = false;
    }

    /** Stops the loop: interrupts the pass (unless closed gently) and waits a few seconds for it to end. */
    @Override
    public void close() {
        running = false;
        if (Thread.currentThread() == thread) {
            return;
        }
        try {
            if (interruptOnClose) {
                thread.interrupt();
            }
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
