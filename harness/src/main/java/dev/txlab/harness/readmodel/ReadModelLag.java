package dev.txlab.harness.readmodel;

import org.HdrHistogram.Histogram;

/**
 * The read models' lag: from the moment an append's commit returned until the projection's commit
 * that made it visible in the views returned, per event, in microseconds (HdrHistogram, 3 digits).
 * Events whose commit was not stamped (committed by a recovery) are counted apart.
 */
public final class ReadModelLag {
    private final Histogram micros = new Histogram(3);
    private long untimed;

    synchronized void record(long lagNanos) {
        micros.recordValue(Math.max(0, lagNanos / 1_000));
    }

    synchronized void untimed() {
        untimed++;
    }

    /** What was recorded so far. */
    public synchronized Summary summary() {
        return new Summary(micros.getTotalCount(), untimed, millis(micros.getValueAtPercentile(50)),
                millis(micros.getValueAtPercentile(99)), millis(micros.getMaxValue()));
    }

    /** Forgets what was recorded (the end of a warm-up). */
    public synchronized void reset() {
        micros.reset();
        untimed = 0;
    }

    private static double millis(long micros) {
        return micros / 1_000.0;
    }

    /**
     * The lag of {@code timed} events, in ms: p50, p99, max; {@code untimed} events were projected
     * without a commit stamp.
     */
    public record Summary(long timed, long untimed, double p50Ms, double p99Ms, double maxMs) {
        public String describe() {
            return String.format(java.util.Locale.ROOT, "read-model lag (an append's commit returned -> visible in "
                    + "the views), ms: p50 %.2f, p99 %.2f, max %.2f over %,d events%s", p50Ms, p99Ms, maxMs, timed,
                    untimed == 0 ? "" : String.format(java.util.Locale.ROOT, " (%,d more not timed: committed by "
                            + "a recovery)", untimed));
        }
    }
}
