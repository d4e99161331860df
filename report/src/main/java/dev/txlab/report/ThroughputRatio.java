package dev.txlab.report;

import dev.txlab.report.ImplementationResult.ThroughputPoint;

import java.util.Locale;
import java.util.Optional;

/**
 * The ratio of two implementations' closed-loop throughputs at their best levels, with its 95 %
 * bootstrap interval within one run when each side had at least 2 timed iterations.
 */
record ThroughputRatio(double value, Optional<Bootstrap.Interval> interval) {

    /** {@code result}'s throughput over {@code against}'s; empty when either was not measured. */
    static Optional<ThroughputRatio> of(ImplementationResult result, ImplementationResult against) {
        Optional<ThroughputPoint> own = result.maxThroughput();
        Optional<ThroughputPoint> other = against.maxThroughput();
        if (own.isEmpty() || other.isEmpty() || other.get().mean() <= 0) {
            return Optional.empty();
        }
        return Optional.of(new ThroughputRatio(own.get().mean() / other.get().mean(),
                Bootstrap.ratioOfMeans(own.get().iterations(), other.get().iterations())));
    }

    /** E.g. "0.70x [0.65-0.75, 10 iterations]". */
    String describe() {
        return String.format(Locale.ROOT, "%.2fx", value) + interval.map(i -> String.format(Locale.ROOT,
                " [%.2f-%.2f, %d iterations]", i.low(), i.high(), i.iterations())).orElse(" [no interval: "
                + "fewer than 2 iterations]");
    }

    /** E.g. "0.70x [0.65-0.75]" (the iterations are said elsewhere). */
    String brief() {
        return String.format(Locale.ROOT, "%.2fx", value) + interval.map(i -> String.format(Locale.ROOT,
                " [%.2f-%.2f]", i.low(), i.high())).orElse(" [no interval: fewer than 2 iterations]");
    }

    /** Whether the interval excludes 1: "significantly higher" or "lower", else "no significant difference". */
    String judgement() {
        return interval.map(i -> !i.excludes(1) ? "no significant difference"
                : i.low() > 1 ? "significantly higher" : "significantly lower")
                .orElse("significance unknown");
    }

    /** Whether the interval excludes 1 (false without an interval). */
    boolean significant() {
        return interval.filter(i -> i.excludes(1)).isPresent();
    }
}
