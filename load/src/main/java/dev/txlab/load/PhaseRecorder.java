package dev.txlab.load;

import dev.txlab.harness.cost.CostCounters;
import dev.txlab.harness.cost.MessageCounts;
import dev.txlab.harness.placement.OrderResult;
import dev.txlab.harness.run.Run;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Collects what a load phase's orders did, from any thread; snapshots the run's counters at the start. */
final class PhaseRecorder {
    private final Run run;
    private final CostCounters.Costs costsBefore;
    private final MessageCounts messagesBefore;
    private final LatencyStats ack = new LatencyStats("ack latency, intended start to acknowledgement");
    private final LatencyStats outcome = new LatencyStats("outcome latency, intended start to final outcome");
    private final AtomicInteger completed = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger acknowledged = new AtomicInteger();
    private final Map<String, Long> outcomes = new ConcurrentHashMap<>();
    private final OverTime overTime = new OverTime();

    PhaseRecorder(Run run) {
        this.run = run;
        this.costsBefore = run.costs();
        this.messagesBefore = messages(run);
    }

    void acknowledged(long nanosSinceStart) {
        ack.record(nanosSinceStart);
        acknowledged.incrementAndGet();
    }

    void completed(OrderResult result, long nanosSinceStart) {
        outcome.record(nanosSinceStart);
        overTime.record(nanosSinceStart);
        outcomes.merge(result.outcome().label(), 1L, Long::sum);
        completed.incrementAndGet();
    }

    void submitFailed() {
        failed.incrementAndGet();
    }

    /** Orders that reached an outcome so far. */
    int completed() {
        return completed.get();
    }

    LoadResult result(int threads, double offeredPerSecond, Duration elapsed, boolean saturated,
                      Optional<KeepingUp> keepingUp) {
        return new LoadResult(threads, offeredPerSecond, elapsed, completed.get(), failed.get(),
                acknowledged.get() - completed.get(),
                saturated, outcomes, ack, outcome, run.costs().minus(costsBefore),
                messages(run).minus(messagesBefore), keepingUp, overTime);
    }

    private static MessageCounts messages(Run run) {
        return run.placement().messageCounts().orElse(MessageCounts.NONE);
    }
}
