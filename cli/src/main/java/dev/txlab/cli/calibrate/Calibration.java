package dev.txlab.cli.calibrate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Times primitives: for each, a warm-up of at least {@link #MIN_WARMUP} (short windows left the
 * embedded broker cold: 1.1 ms of CPU per message after 0.5 s, 0.37 ms after 2 s), then
 * {@code repeats} windows of {@code window}
 * wall time, each counting operations and the machine's busy CPU. The machine's idle burn (servers,
 * broker, the OS) is measured first, over one window, and taken off every window's CPU.
 */
public final class Calibration {
    static final Duration MIN_WARMUP = Duration.ofSeconds(2);

    private final Duration window;
    private final int repeats;
    private double idleBusyPerWallNano;

    /** One step of a primitive; returns how many operations it did (a batch of messages does several). */
    @FunctionalInterface
    public interface Step {
        int run() throws Exception;
    }

    public Calibration(Duration window, int repeats) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a calibration window must be positive; got " + window);
        }
        if (repeats < 1) {
            throw new IllegalArgumentException("a calibration needs at least one timed window; got " + repeats);
        }
        this.window = window;
        this.repeats = repeats;
    }

    /** Measures the machine's busy CPU while txlab does nothing, as a share of one core; empty without /proc/stat. */
    public Optional<Double> measureIdle() throws InterruptedException {
        OptionalLong before = MachineCpu.busyNanos();
        long start = System.nanoTime();
        Thread.sleep(window.toMillis());
        long wall = System.nanoTime() - start;
        OptionalLong after = MachineCpu.busyNanos();
        if (before.isEmpty() || after.isEmpty()) {
            return Optional.empty();
        }
        idleBusyPerWallNano = (double) (after.getAsLong() - before.getAsLong()) / wall;
        return Optional.of(idleBusyPerWallNano);
    }

    public Measurement measure(Primitive primitive, String target, Step step) throws Exception {
        long warmUpEnd = System.nanoTime() + Math.max(window.toNanos(), MIN_WARMUP.toNanos());
        while (System.nanoTime() < warmUpEnd) {
            step.run();
        }
        List<Measurement.Window> windows = new ArrayList<>();
        for (int i = 0; i < repeats; i++) {
            windows.add(timedWindow(step));
        }
        return Measurement.measured(primitive, target, windows);
    }

    private Measurement.Window timedWindow(Step step) throws Exception {
        long limit = window.toNanos();
        OptionalLong busyBefore = MachineCpu.busyNanos();
        long start = System.nanoTime();
        long operations = 0;
        long wall;
        do {
            operations += step.run();
            wall = System.nanoTime() - start;
        } while (wall < limit);
        OptionalLong busyAfter = MachineCpu.busyNanos();
        Optional<Long> busy = busyBefore.isPresent() && busyAfter.isPresent()
                ? Optional.of(busyAfter.getAsLong() - busyBefore.getAsLong() - Math.round(idleBusyPerWallNano * wall))
                : Optional.empty();
        return new Measurement.Window(operations, wall, busy);
    }
}
