package dev.txlab.load;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The backlog at a point is the fewest in flight over the span before it, so a brief pause does not count. */
class LowestInFlightTest {
    @Test
    void aPauseInsideTheSpanDoesNotRaiseTheBacklogButReadingsOutsideItAreIgnored() {
        LowestInFlight span = new LowestInFlight(1_000, 2_000);
        span.saw(500, 3); // before the span
        span.saw(1_000, 12);
        span.saw(1_500, 9);
        span.saw(1_900, 80); // a pause just before the point: orders pile up briefly
        span.saw(2_000, 1); // at the point itself: after the span

        assertThat(span.orElse(-1)).isEqualTo(9);
    }

    @Test
    void aSpanTheLoopNeverReachedGivesTheFallback() {
        LowestInFlight span = new LowestInFlight(1_000, 2_000);
        span.saw(500, 3);

        assertThat(span.orElse(42)).isEqualTo(42);
    }
}
