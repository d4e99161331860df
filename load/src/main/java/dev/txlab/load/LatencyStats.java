package dev.txlab.load;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A latency distribution recorded from many threads (HdrHistogram, nanoseconds, 3 significant digits). */
public final class LatencyStats {
    static final long HIGHEST_TRACKABLE_NANOS = 3_600_000_000_000L;

    private static final int PERCENTILE_TICKS_PER_HALF_DISTANCE = 4;

    private final String name;
    private final Histogram histogram = new ConcurrentHistogram(HIGHEST_TRACKABLE_NANOS, 3);

    public LatencyStats(String name) {
        this.name = name;
    }

    public void record(long nanos) {
        histogram.recordValue(Math.min(Math.max(nanos, 0), HIGHEST_TRACKABLE_NANOS));
    }

    /** Adds another distribution's samples to this one. */
    public void add(LatencyStats other) {
        histogram.add(other.histogram);
    }

    /** A new distribution holding the samples of all of {@code parts}, under {@code name}. */
    public static LatencyStats merged(String name, java.util.Collection<LatencyStats> parts) {
        LatencyStats merged = new LatencyStats(name);
        parts.forEach(merged::add);
        return merged;
    }

    public String name() {
        return name;
    }

    public long count() {
        return histogram.getTotalCount();
    }

    public double percentileMillis(double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1e6;
    }

    /** The distribution's figures in milliseconds, with its percentile curve (for a percentile plot). */
    public LatencySummary summary() {
        List<LatencySummary.Point> curve = new ArrayList<>();
        if (histogram.getTotalCount() > 0) {
            for (HistogramIterationValue value : histogram.percentiles(PERCENTILE_TICKS_PER_HALF_DISTANCE)) {
                if (value.getPercentileLevelIteratedTo() >= 100.0) {
                    break;
                }
                curve.add(new LatencySummary.Point(value.getPercentileLevelIteratedTo(),
                        histogram.highestEquivalentValue(value.getValueIteratedTo()) / 1e6));
            }
        }
        return new LatencySummary(name, histogram.getTotalCount(), percentileMillis(50), percentileMillis(90),
                percentileMillis(99), percentileMillis(99.9), histogram.getMaxValue() / 1e6,
                histogram.getMean() / 1e6, histogram.getStdDeviation() / 1e6, curve);
    }

    /** HdrHistogram's percentile distribution (an {@code .hgrm} file), values in milliseconds. */
    public void writePercentiles(PrintStream out) {
        histogram.outputPercentileDistribution(out, 1e6);
    }

    /** One line: what it is, its unit, how many samples, percentiles, mean and spread. */
    public String describe() {
        if (histogram.getTotalCount() == 0) {
            return name + ": no samples";
        }
        return String.format(Locale.ROOT,
                "%s (ms, n=%d): p50 %.3f  p90 %.3f  p99 %.3f  max %.3f  mean %.3f +- %.3f (stddev)",
                name, histogram.getTotalCount(), percentileMillis(50), percentileMillis(90), percentileMillis(99),
                histogram.getMaxValue() / 1e6, histogram.getMean() / 1e6, histogram.getStdDeviation() / 1e6);
    }
}
