package dev.txlab.report;

import dev.txlab.report.ImplementationResult.ThroughputPoint;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One implementation's first pass repeated in fresh runs ({@code compare --full}, or {@code --runs}):
 * each run's max sustainable rate and closed-loop throughput at its best level (0 when the run did
 * not measure it), and how many runs did not pass. Their spread is the run-to-run variation the
 * within-run intervals do not cover.
 */
public record RunToRun(String implementation, String network, List<Double> maxRates, List<Double> throughputs,
                       int failedRuns) {
    /** Run-to-run variation above this share of the mean (coefficient of variation) is warned about. */
    public static final double SPREAD_LIMIT = 0.10;

    public RunToRun {
        maxRates = List.copyOf(maxRates);
        throughputs = List.copyOf(throughputs);
    }

    /** The runs' figures, in the order they ran. */
    public static RunToRun of(List<ImplementationResult> runs) {
        ImplementationResult first = runs.get(0);
        List<Double> maxRates = runs.stream().map(r -> r.maxRate() == null ? 0 : Math.max(0, r.maxRate().rate()))
                .toList();
        List<Double> throughputs = runs.stream().map(r -> r.maxThroughput().map(ThroughputPoint::mean).orElse(0.0))
                .toList();
        return new RunToRun(first.implementation(), first.network(), maxRates, throughputs,
                (int) runs.stream().filter(r -> !r.passed()).count());
    }

    /**
     * The run the report shows: the first that did not pass (a failure is never hidden behind a run
     * that passed), else the median by max sustainable rate (the lower middle of an even count).
     */
    public static ImplementationResult representative(List<ImplementationResult> runs) {
        Optional<ImplementationResult> failed = runs.stream().filter(r -> !r.passed()).findFirst();
        if (failed.isPresent()) {
            return failed.get();
        }
        List<ImplementationResult> sorted = runs.stream().sorted(Comparator.comparingDouble(r -> r.headlineRate()
                .orElse(0.0))).toList();
        return sorted.get((sorted.size() - 1) / 2);
    }

    public int runs() {
        return maxRates.size();
    }

    /** E.g. "3 fresh runs: max sustainable 598-640 orders/s (CV 3.4 %), closed loop 690-720 (CV 2.1 %)". */
    public String describe() {
        return String.format(Locale.ROOT, "%d fresh runs: max sustainable %s, closed loop %s%s", runs(),
                range(maxRates), range(throughputs), failedRuns == 0 ? "" : "; " + failedRuns + " did not pass");
    }

    /** The larger coefficient of variation of the two figures across runs. */
    public double variation() {
        return Math.max(variation(maxRates), variation(throughputs));
    }

    private static String range(List<Double> values) {
        return String.format(Locale.ROOT, "%.0f-%.0f orders/s (CV %.1f %%)", values.stream().mapToDouble(v -> v)
                .min().orElse(0), values.stream().mapToDouble(v -> v).max().orElse(0), 100 * variation(values));
    }

    private static double variation(List<Double> values) {
        double mean = values.stream().mapToDouble(v -> v).average().orElse(0);
        if (values.size() < 2 || mean <= 0) {
            return 0;
        }
        double squares = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        return Math.sqrt(squares / (values.size() - 1)) / mean;
    }
}
