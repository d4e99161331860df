package dev.txlab.report;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** Colours a table column from green (the best value) to red (the worst), relative to the best. */
final class Shade {
    /** Per-order counts this close are alike (0.01 forced writes is not ten times worse than 0.00). */
    private static final double COUNT_RESOLUTION = 0.1;

    private final Function<ImplementationResult, Optional<Double>> value;
    private final boolean higherIsBetter;
    private final double resolution;
    private final double best;

    private Shade(List<ImplementationResult> rows, Function<ImplementationResult, Optional<Double>> value,
                  boolean higherIsBetter, double resolution) {
        this.value = value;
        this.higherIsBetter = higherIsBetter;
        this.resolution = resolution;
        this.best = rows.stream().flatMap(row -> value.apply(row).stream())
                .reduce(higherIsBetter ? Math::max : Math::min).orElse(Double.NaN);
    }

    static Shade higherIsBetter(List<ImplementationResult> rows, Function<ImplementationResult, Optional<Double>> value) {
        return new Shade(rows, value, true, 0);
    }

    /**
     * Closed-loop throughput, higher is better, but a row not significantly below the best (the
     * interval of its ratio to the best includes 1, or there is none) takes the best's colour: no
     * ranking where the difference is not significant.
     */
    static Shade throughput(List<ImplementationResult> rows) {
        Optional<ImplementationResult> best = rows.stream().filter(row -> row.maxThroughput().isPresent())
                .max(Comparator.comparingDouble(row -> row.maxThroughput().orElseThrow().mean()));
        return higherIsBetter(rows, row -> row.maxThroughput().map(own -> best.filter(b -> b != row)
                .filter(b -> ThroughputRatio.of(row, b).filter(ThroughputRatio::significant).isEmpty())
                .map(b -> b.maxThroughput().orElseThrow().mean()).orElse(own.mean())));
    }

    static Shade lowerIsBetter(List<ImplementationResult> rows, Function<ImplementationResult, Optional<Double>> value) {
        return new Shade(rows, value, false, 0);
    }

    /** Counts per order, fewer is better; counts within {@value #COUNT_RESOLUTION} of each other are alike. */
    static Shade fewerPerOrder(List<ImplementationResult> rows,
                               Function<ImplementationResult, Optional<Double>> value) {
        return new Shade(rows, value, false, COUNT_RESOLUTION);
    }

    /** A background colour: hue 120 (green) for the best, down to 0 (red) at a tenth of it or ten times it. */
    String colour(ImplementationResult row) {
        Optional<Double> own = value.apply(row);
        if (own.isEmpty() || Double.isNaN(best)) {
            return "transparent";
        }
        double ratio = higherIsBetter ? own.get() / best : (best + resolution) / Math.max(own.get() + resolution, 1e-9);
        double closeness = best + resolution == 0 ? (own.get() == 0 ? 1 : 0)
                : Math.max(0, 1 + Math.log10(Math.min(ratio, 1)));
        return String.format(Locale.ROOT, "hsl(%.0f,70%%,85%%)", 120 * closeness);
    }
}
