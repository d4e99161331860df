package dev.txlab.harness.run;

import dev.txlab.harness.cost.CostCounters;
import dev.txlab.harness.placement.OrderResult;
import dev.txlab.harness.placement.Submission;
import dev.txlab.harness.placement.SubmitFailedException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The closed-loop driver: N callers each take the next order from the feed (which submits it and
 * appends its id to the ledger once acknowledged) and await its outcome before taking the next.
 */
final class ClosedLoop {
    /** How often a caller awaiting an outcome looks whether the run was stopped. */
    private static final Duration STOP_POLL = Duration.ofMillis(100);
    private final OrderFeed feed;
    private final Duration awaitOutcome;
    private final CostCounters costs;
    private final OrderListener listener;
    private final AtomicInteger completed = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger unfinished = new AtomicInteger();
    private final Map<String, Long> outcomes = new ConcurrentHashMap<>();

    ClosedLoop(OrderFeed feed, Duration awaitOutcome, CostCounters costs, OrderListener listener) {
        this.feed = feed;
        this.awaitOutcome = awaitOutcome;
        this.costs = costs;
        this.listener = listener;
    }

    RunResult run(int concurrency) throws InterruptedException {
        CostCounters.Costs before = costs.snapshot();
        long start = System.nanoTime();
        List<Thread> callers = new ArrayList<>();
        List<Throwable> crashes = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            Thread caller = new Thread(this::callerLoop, "txlab-caller-" + i);
            caller.setUncaughtExceptionHandler((thread, e) -> {
                synchronized (crashes) {
                    crashes.add(e);
                }
            });
            callers.add(caller);
            caller.start();
        }
        for (Thread caller : callers) {
            caller.join();
        }
        if (!crashes.isEmpty()) {
            throw new IllegalStateException("a caller thread failed: " + crashes.get(0), crashes.get(0));
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        return new RunResult(completed.get(), failed.get(), unfinished.get(), elapsed, outcomes,
                costs.snapshot().minus(before));
    }

    private void callerLoop() {
        while (true) {
            long start = System.nanoTime();
            Optional<Submission> next;
            try {
                next = feed.submitNext();
            } catch (SubmitFailedException e) {
                failed.incrementAndGet();
                listener.submitFailed(e);
                continue;
            } catch (RunStoppedException e) {
                return;
            }
            if (next.isEmpty()) {
                return;
            }
            Submission submission = next.get();
            long ackNanos = System.nanoTime() - start;
            try {
                Optional<OrderResult> result = outcomeOf(submission);
                if (result.isEmpty()) {
                    unfinished.incrementAndGet();
                    continue;
                }
                long outcomeNanos = System.nanoTime() - start;
                completed.incrementAndGet();
                outcomes.merge(result.get().outcome().label(), 1L, Long::sum);
                listener.completed(result.get(), ackNanos, outcomeNanos);
            } catch (ExecutionException e) {
                unfinished.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * The order's outcome, awaited in short slices: empty when it did not come within the wait, or
     * the run was stopped meanwhile (nothing more will be awaited then).
     */
    private Optional<OrderResult> outcomeOf(Submission submission) throws InterruptedException, ExecutionException {
        long deadline = System.nanoTime() + awaitOutcome.toNanos();
        while (true) {
            try {
                return Optional.of(submission.completion().get(STOP_POLL.toMillis(), TimeUnit.MILLISECONDS));
            } catch (TimeoutException e) {
                if (feed.stopped().isPresent() || System.nanoTime() >= deadline) {
                    return Optional.empty();
                }
            }
        }
    }
}
