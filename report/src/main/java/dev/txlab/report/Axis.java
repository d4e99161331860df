package dev.txlab.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;

/** A chart axis: the data range mapped onto pixels, linear or logarithmic, with readable ticks. */
final class Axis {
    private final double min;
    private final double max;
    private final boolean log;
    private final double from;
    private final double to;

    private Axis(double min, double max, boolean log, double from, double to) {
        this.min = min;
        this.max = max;
        this.log = log;
        this.from = from;
        this.to = to;
    }

    /** A linear axis from 0 (or the smallest value when negative) to a round number above the largest value. */
    static Axis linear(double smallest, double largest, double from, double to) {
        double low = Math.min(0, smallest);
        double high = largest <= low ? low + 1 : niceCeiling(largest);
        return new Axis(low, high, false, from, to);
    }

    /** A logarithmic axis over the decades that hold the values (all values must be above 0). */
    static Axis logarithmic(double smallest, double largest, double from, double to) {
        double low = Math.pow(10, Math.floor(Math.log10(Math.max(smallest, 1e-6))));
        double high = Math.pow(10, Math.ceil(Math.log10(Math.max(largest, low * 10))));
        return new Axis(low, high <= low ? low * 10 : high, true, from, to);
    }

    double pixel(double value) {
        DoubleUnaryOperator scale = log ? v -> Math.log10(Math.max(v, min)) : v -> v;
        double fraction = (scale.applyAsDouble(value) - scale.applyAsDouble(min))
                / (scale.applyAsDouble(max) - scale.applyAsDouble(min));
        return from + fraction * (to - from);
    }

    List<Double> ticks() {
        List<Double> ticks = new ArrayList<>();
        if (log) {
            for (double tick = min; tick <= max * 1.0001; tick *= 10) {
                ticks.add(tick);
            }
            return ticks;
        }
        double step = stepFor(max - min);
        for (double tick = min; tick <= max + step / 1000; tick += step) {
            ticks.add(tick);
        }
        return ticks;
    }

    /** A tick step of 1, 2 or 5 times a power of ten giving about five ticks. */
    private static double stepFor(double range) {
        double power = Math.pow(10, Math.floor(Math.log10(range / 5)));
        for (double factor : new double[] {1, 2, 5, 10}) {
            if (range / (factor * power) <= 6) {
                return factor * power;
            }
        }
        return 10 * power;
    }

    static String label(double value) {
        if (value != 0 && (Math.abs(value) < 0.01 || Math.abs(value) >= 100_000)) {
            return String.format(Locale.ROOT, "%.0e", value);
        }
        if (value == Math.rint(value)) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        return String.format(Locale.ROOT, Math.abs(value) < 1 ? "%.2f" : "%.1f", value);
    }

    /** The smallest of 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 times a power of ten that is not below {@code value}. */
    static double niceCeiling(double value) {
        if (value <= 0) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double factor : new double[] {1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
            if (factor * power >= value * 0.999_999) {
                return factor * power;
            }
        }
        return 10 * power;
    }
}
