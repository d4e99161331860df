package dev.txlab.report;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * 95 % bootstrap confidence intervals for a mean and for the ratio of two means: the timed
 * iterations (each side's, independently) resampled with replacement {@value #RESAMPLES} times, with
 * a fixed seed (the same results always give the same interval). They cover the spread within one
 * run, not between runs.
 */
final class Bootstrap {
    static final int RESAMPLES = 2_000;
    private static final long SEED = 42;

    private Bootstrap() {
    }

    /** The interval's ends; {@code iterations}: the fewer of the two sides' iteration counts. */
    record Interval(double low, double high, int iterations) {
        boolean excludes(double value) {
            return value < low || value > high;
        }
    }

    /** The interval of mean(numerator) / mean(denominator); empty when either side has fewer than 2 iterations. */
    static Optional<Interval> ratioOfMeans(List<Double> numerator, List<Double> denominator) {
        if (numerator.size() < 2 || denominator.size() < 2) {
            return Optional.empty();
        }
        SplittableRandom random = new SplittableRandom(SEED);
        double[] ratios = new double[RESAMPLES];
        for (int i = 0; i < RESAMPLES; i++) {
            double below = resampledMean(denominator, random);
            ratios[i] = below == 0 ? Double.POSITIVE_INFINITY : resampledMean(numerator, random) / below;
        }
        Arrays.sort(ratios);
        return Optional.of(new Interval(ratios[(int) (0.025 * RESAMPLES)], ratios[(int) (0.975 * RESAMPLES) - 1],
                Math.min(numerator.size(), denominator.size())));
    }

    /** The interval of the mean of {@code values}; empty with fewer than 2 values. */
    static Optional<Interval> mean(List<Double> values) {
        if (values.size() < 2) {
            return Optional.empty();
        }
        SplittableRandom random = new SplittableRandom(SEED);
        double[] means = new double[RESAMPLES];
        for (int i = 0; i < RESAMPLES; i++) {
            means[i] = resampledMean(values, random);
        }
        Arrays.sort(means);
        return Optional.of(new Interval(means[(int) (0.025 * RESAMPLES)], means[(int) (0.975 * RESAMPLES) - 1],
                values.size()));
    }

    private static double resampledMean(List<Double> values, SplittableRandom random) {
        double sum = 0;
        for (int i = 0; i < values.size(); i++) {
            sum += values.get(random.nextInt(values.size()));
        }
        return sum / values.size();
    }
}
