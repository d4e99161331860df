package dev.txlab.domain.run;

import dev.txlab.domain.placement.OrderResult;
import dev.txlab.domain.placement.Submission;
import dev.txlab.domain.placement.SubmitFailedException;
import dev.txlab.domain.trace.CostCounters;

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
            }
            if (next.isEmpty()) {
                return;
            }
            Submission submission = next.get();
            long ackNanos = System.nanoTime() - start;
            try {
                OrderResult result = submission.completion().get(awaitOutcome.toMillis(), TimeUnit.MILLISECONDS);
                long outcomeNanos = System.nanoTime() - start;
                completed.incrementAndGet();
                outcomes.merge(result.outcome().label(), 1L, Long::sum);
                listener.completed(result, ackNanos, outcomeNanos);
            } catch (TimeoutException | ExecutionException e) {
                unfinished.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
