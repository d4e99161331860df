package dev.txlab.cli.compare;

import java.util.List;

/** Mean and sample standard deviation of repeated measurements. */
final class Spread {
    private Spread() {
    }

    static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    /** The sample standard deviation (n - 1); 0 for fewer than two values. */
    static double stdDev(List<Double> values) {
        if (values.size() < 2) {
            return 0;
        }
        double mean = mean(values);
        double squares = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        return Math.sqrt(squares / (values.size() - 1));
    }
}
