package dev.txlab.load;

import dev.txlab.harness.cost.CostCounters;
import dev.txlab.harness.cost.MessageCounts;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * What one load phase did: how many orders reached an outcome in how long, the outcome mix, the
 * ack and outcome latency distributions, and the round trips and messages it cost.
 *
 * @param offeredPerSecond the open loop's arrival rate; 0 for a closed loop
 * @param saturated        the open loop fell so far behind its schedule that it stopped early
 * @param keepingUp        how the open loop's system kept up with its schedule; empty for a closed loop
 * @param overTime         the outcomes second by second
 */
public record LoadResult(int threads, double offeredPerSecond, Duration elapsed, int completed, int failedSubmits,
                         int unfinished, boolean saturated, Map<String, Long> outcomes, LatencyStats ack,
                         LatencyStats outcome, CostCounters.Costs costs, MessageCounts messages,
                         Optional<KeepingUp> keepingUp, OverTime overTime) {

    public LoadResult {
        outcomes = Map.copyOf(outcomes);
    }

    /** Orders that reached an outcome per second of the phase. */
    public double throughputPerSecond() {
        return elapsed.isZero() ? 0 : completed / (elapsed.toNanos() / 1e9);
    }
}
