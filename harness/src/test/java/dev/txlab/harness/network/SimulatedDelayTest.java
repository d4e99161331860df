package dev.txlab.harness.network;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

/** A delay pays back what its parks overshot, so the achieved mean keeps to the requested delay. */
class SimulatedDelayTest {
    private static final long REQUESTED = 250_000;

    /** A clock that only moves when parked, each park coming back {@code lateBy} after the time asked. */
    private static final class LateParks implements SimulatedDelay.Timer {
        private final long lateBy;
        private long now;

        LateParks(long lateBy) {
            this.lateBy = lateBy;
        }

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void park(long nanos) {
            now += nanos + lateBy;
        }
    }

    @Test
    void parksThatComeBackLateArePaidBackByTheNextWaitsSoTheMeanIsTheRequestedDelay() {
        SimulatedDelay delay = new SimulatedDelay(new LateParks(80_000));

        delay.await(REQUESTED);
        assertThat(delay.achieved().meanMicros()).as("the first wait owes nothing yet").isEqualTo(330);
        IntStream.range(0, 999).forEach(i -> delay.await(REQUESTED));

        assertThat(delay.achieved().meanMicros()).isCloseTo(250, offset(0.1));
        assertThat(delay.achieved().tooLongFor(Duration.ofNanos(REQUESTED))).isFalse();
    }

    @Test
    void aParkLateByMoreThanAWholeDelayIsPaidBackBySkippingTheNextWait() {
        SimulatedDelay delay = new SimulatedDelay(new LateParks(400_000));

        IntStream.range(0, 1000).forEach(i -> delay.await(REQUESTED));

        assertThat(delay.achieved().meanMicros()).isCloseTo(250, offset(1.0));
    }

    @Test
    void aStallLongerThanTheDebtCapIsNotPaidBackAndTheMeanSaysSo() {
        SimulatedDelay.Timer stallOnce = new SimulatedDelay.Timer() {
            private long now;
            private boolean stalled;

            @Override
            public long nanoTime() {
                return now;
            }

            @Override
            public void park(long nanos) {
                now += nanos + (stalled ? 0 : 1_000_000_000L);
                stalled = true;
            }
        };
        SimulatedDelay delay = new SimulatedDelay(stallOnce);

        IntStream.range(0, 100).forEach(i -> delay.await(REQUESTED));

        assertThat(delay.achieved().meanMicros()).as("one second in 100 waits, 20 of them paid back")
                .isCloseTo((1_000_000 + 250.0 * 100 - 250.0 * SimulatedDelay.DEBT_CAP_WAITS) / 100, offset(1.0));
        assertThat(delay.achieved().tooLongFor(Duration.ofNanos(REQUESTED))).isTrue();
    }

    @Test
    void aRealWaitLastsAtLeastTheRequestedDelayTheFirstTimeAndNothingForZero() {
        SimulatedDelay delay = new SimulatedDelay();
        long start = System.nanoTime();

        delay.await(2_000_000);
        delay.await(0);

        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(2_000_000);
        assertThat(delay.achieved().count()).isEqualTo(1);
    }
}
