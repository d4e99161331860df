package dev.txlab.messaging.placement;

import dev.txlab.domain.model.Outcome;
import dev.txlab.domain.model.RejectionReason;
import dev.txlab.harness.placement.OrderResult;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A submission's completion: its three times, an outcome that came before the acknowledgement
 * returned, an acknowledgement that failed, a placement that closed.
 */
class CompletionsTest {
    private static final Instant SUBMITTED = Instant.parse("2026-12-06T10:00:00Z");
    private static final Instant ACKNOWLEDGED = SUBMITTED.plusMillis(3);
    private static final Instant NOW = SUBMITTED.plusMillis(40);
    private static final Outcome REJECTED = Outcome.rejected(RejectionReason.UNKNOWN_CUSTOMER);

    private final Completions completions = new Completions(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void anOutcomeAfterTheAcknowledgementKeepsAllThreeTimes() {
        CompletableFuture<OrderResult> completion = completions.register("o1", SUBMITTED);
        completions.acknowledged("o1", ACKNOWLEDGED);

        completions.complete("o1", Outcome.APPROVED);

        assertThat(completion).isCompletedWithValue(
                new OrderResult("o1", Outcome.APPROVED, SUBMITTED, ACKNOWLEDGED, NOW));
    }

    @Test
    void anOutcomeBeforeTheSubmitterGotBackCountsAsAcknowledgedWhenItCame() {
        CompletableFuture<OrderResult> completion = completions.register("o2", SUBMITTED);

        completions.complete("o2", REJECTED);
        completions.acknowledged("o2", ACKNOWLEDGED);

        assertThat(completion).isCompletedWithValue(new OrderResult("o2", REJECTED, SUBMITTED, NOW, NOW));
    }

    @Test
    void aForgottenOrderIsNotCompletedAndAClosedPlacementCancelsTheRest() {
        CompletableFuture<OrderResult> forgotten = completions.register("o3", SUBMITTED);
        CompletableFuture<OrderResult> waiting = completions.register("o4", SUBMITTED);
        completions.forget("o3");

        completions.complete("o3", Outcome.APPROVED);
        completions.cancelAll();

        assertThat(forgotten).isNotDone();
        assertThat(waiting).isCancelled();
    }
}
