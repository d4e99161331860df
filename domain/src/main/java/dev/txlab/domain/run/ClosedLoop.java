package dev.txlab.domain.run;

import dev.txlab.domain.placement.OrderPlacement;
import dev.txlab.domain.placement.OrderResult;
import dev.txlab.domain.placement.Submission;
import dev.txlab.domain.placement.SubmitFailedException;
import dev.txlab.domain.trace.CostCounters;
import dev.txlab.domain.workload.Workload;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The closed-loop driver: N callers each take the next order of the workload, submit it, append
 * its id to the ledger once acknowledged, and await its outcome before taking the next.
 */
final class ClosedLoop {
    private final OrderPlacement placement;
    private final Workload workload;
    private final Ledger ledger;
    private final CostCounters costs;
    private final OrderListener listener;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger completed = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger unfinished = new AtomicInteger();
    private final Map<String, Long> outcomes = new ConcurrentHashMap<>();

    ClosedLoop(OrderPlacement placement, Workload workload, Ledger ledger, CostCounters costs,
               OrderListener listener) {
        this.placement = placement;
        this.workload = workload;
        this.ledger = ledger;
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
        long awaitMillis = placement.terminationBound().toMillis() + 1_000;
        for (int index = next.getAndIncrement(); index < workload.size(); index = next.getAndIncrement()) {
            var order = workload.order(index);
            long start = System.nanoTime();
            Submission submission;
            try {
                submission = placement.submit(order);
            } catch (SubmitFailedException e) {
                failed.incrementAndGet();
                listener.submitFailed(order.orderId(), e);
                continue;
            }
            long ackNanos = System.nanoTime() - start;
            ledger.append(submission.orderId());
            try {
                OrderResult result = submission.completion().get(awaitMillis, TimeUnit.MILLISECONDS);
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
