package dev.txlab.harness.run;

import dev.txlab.harness.placement.OrderPlacement;
import dev.txlab.harness.placement.Submission;
import dev.txlab.harness.placement.SubmitFailedException;
import dev.txlab.harness.workload.Workload;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hands the workload's orders out in sequence to any number of callers: each call submits the next
 * order and appends its id to the ledger once acknowledged, so whatever drives a run (the closed
 * loop, the open-loop load runner, a JMH benchmark) leaves the audit the same evidence.
 */
public final class OrderFeed {
    private final OrderPlacement placement;
    private final Workload workload;
    private final Ledger ledger;
    private final SubmitFailures failures;
    private final AtomicInteger next = new AtomicInteger();
    /** Why the run was stopped, once it was: no order is handed out after that. */
    private volatile String stopped;

    OrderFeed(OrderPlacement placement, Workload workload, Ledger ledger, SubmitFailures failures) {
        this.placement = placement;
        this.workload = workload;
        this.ledger = ledger;
        this.failures = failures;
    }

    /**
     * Submits the next order of the workload and records it in the ledger once acknowledged.
     *
     * @return the acknowledged submission, or empty when the workload is used up
     * @throws RunStoppedException   when the run was stopped (the disk full)
     * @throws SubmitFailedException when the order was not accepted (it then left no trace; the
     *                               failure is counted in the run's {@link SubmitFailures})
     */
    public Optional<Submission> submitNext() {
        if (stopped != null) {
            throw new RunStoppedException(stopped);
        }
        int index = next.getAndIncrement();
        if (index >= workload.size()) {
            return Optional.empty();
        }
        Submission submission;
        try {
            submission = placement.submit(workload.order(index));
        } catch (SubmitFailedException e) {
            failures.record(e);
            throw e;
        }
        ledger.append(submission.orderId());
        return Optional.of(submission);
    }

    /** Hands out no more orders: each later call of {@link #submitNext} throws {@link RunStoppedException}. */
    void stop(String reason) {
        stopped = reason;
    }

    /** Why the run was stopped, if it was. */
    public Optional<String> stopped() {
        return Optional.ofNullable(stopped);
    }

    /** How many orders were handed out so far (the workload indexes below it were taken). */
    public int handedOut() {
        return Math.min(next.get(), workload.size());
    }
}
