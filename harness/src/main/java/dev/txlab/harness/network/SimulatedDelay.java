package dev.txlab.harness.network;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Waits a requested time on the calling thread and keeps what was achieved, so a report can show
 * the requested delay beside the one actually added. A park comes back late: the kernel's timer
 * slack, and on a loaded machine the wait for a core, often as much as a whole lan delay. So the
 * delay keeps an account of what it owes: a wait that came back late is paid back by shortening the
 * waits after it (to nothing when the debt is larger than a wait), on whichever thread comes next.
 * The total delay added, so the mean, keeps to the requested one without spinning on a core the
 * run needs; single waits vary. The debt carried is capped ({@link #DEBT_CAP_WAITS} waits), so a
 * long stall (a GC pause) is not paid back by skipping the network for long; then the achieved
 * mean says it was more than requested.
 */
public final class SimulatedDelay {
    /** The most debt carried, in requested waits. */
    static final int DEBT_CAP_WAITS = 20;

    /** The clock and the park a delay uses; a test gives its own. */
    public interface Timer {
        Timer SYSTEM = new Timer() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void park(long nanos) {
                LockSupport.parkNanos(nanos);
            }
        };

        long nanoTime();

        void park(long nanos);
    }

    private final Timer timer;
    private final LongAdder waits = new LongAdder();
    private final LongAdder achievedNanos = new LongAdder();
    /**
     * How much more delay the waits so far added than was requested of them (negative when waits
     * that shared one debt paid it back more than once, so the next ones wait longer).
     */
    private final AtomicLong owedNanos = new AtomicLong();

    public SimulatedDelay() {
        this(Timer.SYSTEM);
    }

    public SimulatedDelay(Timer timer) {
        this.timer = timer;
    }

    /** Waits {@code nanos} less what earlier waits added too much (maybe not at all); returns at once for zero. */
    public void await(long nanos) {
        if (nanos <= 0) {
            return;
        }
        long start = timer.nanoTime();
        long deadline = start + nanos - owedNanos.get();
        for (long left = deadline - start; left > 0; left = deadline - timer.nanoTime()) {
            timer.park(left);
        }
        long achieved = timer.nanoTime() - start;
        long cap = DEBT_CAP_WAITS * nanos;
        owedNanos.accumulateAndGet(achieved - nanos, (owed, more) -> Math.max(-cap, Math.min(cap, owed + more)));
        waits.increment();
        achievedNanos.add(achieved);
    }

    /** How many delays were added and their mean, achieved. */
    public record Achieved(long count, double meanMicros) {
        /** Whether the achieved mean is more than 1.2 x the requested delay: results at this network do not hold. */
        public boolean tooLongFor(Duration requested) {
            return count > 0 && meanMicros > 1.2 * requested.toNanos() / 1000.0;
        }
    }

    public Achieved achieved() {
        long count = waits.sum();
        return new Achieved(count, count == 0 ? 0 : achievedNanos.sum() / 1000.0 / count);
    }
}
