package dev.txlab.cli.compare;

import java.util.List;

/** Mean and sample standard deviation of repeated measurements. */
public final class Spread {
    private Spread() {
    }

    public static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    /** The sample standard deviation (n - 1); 0 for fewer than two values. */
    public static double stdDev(List<Double> values) {
        if (values.size() < 2) {
            return 0;
        }
        double mean = mean(values);
        double squares = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        return Math.sqrt(squares / (values.size() - 1));
    }
}
