package dev.txlab.cli;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.util.Locale;

/** A latency distribution recorded from many threads (HdrHistogram, nanoseconds, 3 significant digits). */
final class LatencyStats {
    private static final long HIGHEST_TRACKABLE_NANOS = 3_600_000_000_000L;

    private final String name;
    private final Histogram histogram = new ConcurrentHistogram(HIGHEST_TRACKABLE_NANOS, 3);

    LatencyStats(String name) {
        this.name = name;
    }

    void record(long nanos) {
        histogram.recordValue(Math.min(Math.max(nanos, 0), HIGHEST_TRACKABLE_NANOS));
    }

    long count() {
        return histogram.getTotalCount();
    }

    double percentileMillis(double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1e6;
    }

    /** One line: what it is, its unit, how many samples, percentiles, mean and spread. */
    String describe() {
        if (histogram.getTotalCount() == 0) {
            return name + ": no samples";
        }
        return String.format(Locale.ROOT,
                "%s (ms, n=%d): p50 %.3f  p90 %.3f  p99 %.3f  max %.3f  mean %.3f +- %.3f (stddev)",
                name, histogram.getTotalCount(), percentileMillis(50), percentileMillis(90), percentileMillis(99),
                histogram.getMaxValue() / 1e6, histogram.getMean() / 1e6, histogram.getStdDeviation() / 1e6);
    }
}
