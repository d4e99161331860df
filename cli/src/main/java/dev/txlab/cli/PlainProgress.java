package dev.txlab.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Progress for a pipe or a log file: a plain line (no carriage return) every interval, written by a
 * timer so that a stall shows too, and a last line on close.
 */
final class PlainProgress implements Progress {
    static final Duration INTERVAL = Duration.ofSeconds(10);

    private final PrintStream err;
    private final String task;
    private final long total;
    private final long startNanos = System.nanoTime();
    private final AtomicLong done = new AtomicLong();
    private volatile String message = "";
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "txlab-progress");
        thread.setDaemon(true);
        return thread;
    });

    PlainProgress(PrintStream err, String task, long total, Duration interval) {
        this.err = err;
        this.task = task;
        this.total = total;
        timer.scheduleAtFixedRate(this::line, interval.toNanos(), interval.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void step() {
        done.incrementAndGet();
    }

    @Override
    public void stepTo(long count) {
        done.set(count);
    }

    @Override
    public void message(String text) {
        message = text;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        line();
    }

    private synchronized void line() {
        long count = Math.min(done.get(), total);
        err.printf(Locale.ROOT, "%s: %d/%d (%.0f %%) after %.0f s%s%n", task, count, total,
                total == 0 ? 100.0 : 100.0 * count / total, (System.nanoTime() - startNanos) / 1e9,
                message.isEmpty() ? "" : ", " + message);
        err.flush();
    }
}
