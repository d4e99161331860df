package dev.txlab.messaging.placement;

import dev.txlab.domain.model.Outcome;
import dev.txlab.harness.placement.OrderResult;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The submissions waiting for their outcome: registered before the acknowledging commit (a fast
 * saga may end before the submitter gets back), completed by the handler whose commit decided it.
 */
final class Completions {
    private final Clock clock;
    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();

    private record Waiting(Instant submittedAt, Instant acknowledgedAt, CompletableFuture<OrderResult> completion) {
    }

    Completions(Clock clock) {
        this.clock = clock;
    }

    /** Waits for an order's outcome from now on; the submission is not acknowledged yet. */
    CompletableFuture<OrderResult> register(String orderId, Instant submittedAt) {
        CompletableFuture<OrderResult> completion = new CompletableFuture<>();
        waiting.put(orderId, new Waiting(submittedAt, null, completion));
        return completion;
    }

    /** The acknowledging commit did not happen: nothing will complete the order. */
    void forget(String orderId) {
        waiting.remove(orderId);
    }

    /** The acknowledging commit is done (unless the order completed meanwhile). */
    void acknowledged(String orderId, Instant acknowledgedAt) {
        waiting.computeIfPresent(orderId, (id, w) -> new Waiting(w.submittedAt(), acknowledgedAt, w.completion()));
    }

    /** Completes an order's submission with its outcome, once the commit that decided it is done. */
    void complete(String orderId, Outcome outcome) {
        Waiting done = waiting.remove(orderId);
        if (done != null) {
            Instant acknowledgedAt = done.acknowledgedAt() == null ? clock.instant() : done.acknowledgedAt();
            done.completion().complete(new OrderResult(orderId, outcome, done.submittedAt(), acknowledgedAt,
                    clock.instant()));
        }
    }

    /** The placement closes: whoever still waits gets a cancelled completion. */
    void cancelAll() {
        waiting.values().forEach(w -> w.completion().cancel(false));
        waiting.clear();
    }
}
