package dev.txlab.harness.retry;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryPolicyTest {
    private final RetryPolicy redelivery = new RetryPolicy(5, Duration.ofMillis(20), Duration.ofMillis(100));

    @Test
    void thePauseDoublesAfterEachFailedAttemptUpToItsCap() {
        assertThat(redelivery.delay(1)).isEqualTo(Duration.ofMillis(20));
        assertThat(redelivery.delay(2)).isEqualTo(Duration.ofMillis(40));
        assertThat(redelivery.delay(3)).isEqualTo(Duration.ofMillis(80));
        assertThat(redelivery.delay(4)).isEqualTo(Duration.ofMillis(100));
        assertThat(redelivery.delay(60)).isEqualTo(Duration.ofMillis(100));
        assertThat(redelivery.retriesAfter(4)).isTrue();
        assertThat(redelivery.retriesAfter(5)).isFalse();
    }

    @Test
    void theWorstCaseIsEveryAttemptAtItsLongestAndEveryPauseBetweenThem() {
        assertThat(redelivery.worstCase(Duration.ofSeconds(1)))
                .isEqualTo(Duration.ofSeconds(5).plusMillis(20 + 40 + 80 + 100));
        assertThat(redelivery.worstCase(Duration.ZERO)).isEqualTo(Duration.ofMillis(240));
    }

    @Test
    void aPolicyForAboutADurationPausesAtLeastThatLongInAll() {
        RetryPolicy patience = RetryPolicy.forAbout(Duration.ofSeconds(30), Duration.ofMillis(50), Duration.ofSeconds(1));

        assertThat(patience.worstCase(Duration.ZERO)).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(31));
        assertThat(patience.maxAttempts()).isEqualTo(35);
    }

    @Test
    void refusesWhatCannotBeARetry() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO))
                .hasMessageContaining("at least 1 attempt");
        assertThatThrownBy(() -> redelivery.delay(0)).hasMessageContaining("the first failed attempt is 1");
    }
}
