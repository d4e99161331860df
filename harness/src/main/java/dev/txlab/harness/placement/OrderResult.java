package dev.txlab.harness.placement;

import dev.txlab.domain.model.Outcome;

import java.time.Duration;
import java.time.Instant;

/** The final outcome of a submitted order with the times of submit, acknowledgement and outcome. */
public record OrderResult(String orderId, Outcome outcome, Instant submittedAt, Instant acknowledgedAt,
                          Instant completedAt) {

    public Duration timeToAcknowledge() {
        return Duration.between(submittedAt, acknowledgedAt);
    }

    public Duration timeToOutcome() {
        return Duration.between(submittedAt, completedAt);
    }
}
