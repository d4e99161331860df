package dev.txlab.load;

import java.util.List;

/**
 * A latency distribution's figures, all in milliseconds: percentiles, maximum, mean and standard
 * deviation over {@code count} orders, and the percentile curve for a percentile plot.
 */
public record LatencySummary(String name, long count, double p50, double p90, double p99, double p999, double max,
                             double mean, double stdDev, List<Point> curve) {

    public LatencySummary {
        curve = List.copyOf(curve);
    }

    /** The latency (ms) at or below which {@code percentile} percent of the orders completed. */
    public record Point(double percentile, double millis) {
    }
}
