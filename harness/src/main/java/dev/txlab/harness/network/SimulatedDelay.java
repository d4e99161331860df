package dev.txlab.harness.network;

import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Waits a requested time on the calling thread with {@code parkNanos} (sub-millisecond, unlike
 * {@code Thread.sleep}), to the full amount even when a park returns early, and keeps what was
 * achieved, so a report can show the requested delay beside the one actually added.
 */
public final class SimulatedDelay {
    private final LongAdder waits = new LongAdder();
    private final LongAdder achievedNanos = new LongAdder();

    /** Waits {@code nanos}; returns at once for zero. */
    public void await(long nanos) {
        if (nanos <= 0) {
            return;
        }
        long start = System.nanoTime();
        long deadline = start + nanos;
        for (long left = nanos; left > 0; left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
        record(System.nanoTime() - start);
    }

    /** Records a delay achieved some other way (a held-back message). */
    public void record(long nanos) {
        waits.increment();
        achievedNanos.add(nanos);
    }

    /** How many delays were added and their mean, achieved. */
    public record Achieved(long count, double meanMicros) {
    }

    public Achieved achieved() {
        long count = waits.sum();
        return new Achieved(count, count == 0 ? 0 : achievedNanos.sum() / 1000.0 / count);
    }
}
