package dev.txlab.harness.run;

import dev.txlab.harness.cost.CostCounters;

import java.time.Duration;
import java.util.Map;

/** What the closed loop did: how many orders reached an outcome, how many failed, in how long, at what cost. */
public record RunResult(int completed, int failedSubmits, int unfinished, Duration elapsed,
                        Map<String, Long> outcomeCounts, CostCounters.Costs costs) {

    public RunResult {
        outcomeCounts = Map.copyOf(outcomeCounts);
    }

    /** Orders that reached an outcome per second of the loop. */
    public double throughputPerSecond() {
        return elapsed.isZero() ? 0 : completed / (elapsed.toNanos() / 1e9);
    }
}
