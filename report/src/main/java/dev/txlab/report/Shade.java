package dev.txlab.report;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** Colours a table column from green (the best value) to red (the worst), relative to the best. */
final class Shade {
    private final Function<ImplementationResult, Optional<Double>> value;
    private final boolean higherIsBetter;
    private final double best;

    private Shade(List<ImplementationResult> rows, Function<ImplementationResult, Optional<Double>> value,
                  boolean higherIsBetter) {
        this.value = value;
        this.higherIsBetter = higherIsBetter;
        this.best = rows.stream().flatMap(row -> value.apply(row).stream())
                .reduce(higherIsBetter ? Math::max : Math::min).orElse(Double.NaN);
    }

    static Shade higherIsBetter(List<ImplementationResult> rows, Function<ImplementationResult, Optional<Double>> value) {
        return new Shade(rows, value, true);
    }

    static Shade lowerIsBetter(List<ImplementationResult> rows, Function<ImplementationResult, Optional<Double>> value) {
        return new Shade(rows, value, false);
    }

    /** A background colour: hue 120 (green) for the best, down to 0 (red) at a tenth of it or ten times it. */
    String colour(ImplementationResult row) {
        Optional<Double> own = value.apply(row);
        if (own.isEmpty() || Double.isNaN(best)) {
            return "transparent";
        }
        double ratio = higherIsBetter ? own.get() / best : best / Math.max(own.get(), 1e-9);
        double closeness = best == 0 ? (own.get() == 0 ? 1 : 0) : Math.max(0, 1 + Math.log10(Math.min(ratio, 1)));
        return String.format(Locale.ROOT, "hsl(%.0f,70%%,85%%)", 120 * closeness);
    }
}
