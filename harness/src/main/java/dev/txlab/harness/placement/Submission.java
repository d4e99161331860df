package dev.txlab.harness.placement;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * The acknowledgement of a submitted order (its id, at once) and the completion that yields its
 * final outcome. For synchronous implementations the completion is already done.
 */
public record Submission(String orderId, Instant submittedAt, Instant acknowledgedAt,
                         CompletableFuture<OrderResult> completion) {
}
