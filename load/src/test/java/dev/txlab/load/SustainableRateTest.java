package dev.txlab.load;

import dev.txlab.harness.cost.CostCounters;
import dev.txlab.harness.cost.MessageCounts;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The search and the verdicts, against a stand-in system that keeps up with anything up to its capacity. */
class SustainableRateTest {
    private static final double CAPACITY = 300;

    /** What a 5 s open loop at {@code rate} shows on a system that handles {@code CAPACITY} orders/s. */
    private static LoadResult phaseAt(double rate) {
        int issued = (int) (rate * 5);
        boolean keepsUp = rate <= CAPACITY;
        int completed = keepsUp ? issued - 5 : (int) (CAPACITY * 5);
        int inFlightAtEnd = keepsUp ? 5 : issued - completed;
        LatencyStats outcome = new LatencyStats("outcome");
        outcome.record(Duration.ofMillis(keepsUp ? 20 : 2_500).toNanos());
        return new LoadResult(8, rate, Duration.ofSeconds(5), completed, 0, 0, false, Map.of(), new LatencyStats("ack"),
                outcome, new CostCounters.Costs(Map.of()), MessageCounts.NONE,
                Optional.of(new KeepingUp(issued, completed, keepsUp ? 5 : inFlightAtEnd / 2, inFlightAtEnd)));
    }

    @Test
    void findsTheHighestRateSustainedWithinTenPercent() throws InterruptedException {
        List<Double> tried = new ArrayList<>();
        SustainableRate.Found found = SustainableRate.search(rate -> {
            tried.add(rate);
            return phaseAt(rate);
        }, 120, 10);

        assertThat(found.rate()).isLessThanOrEqualTo(CAPACITY).isGreaterThan(CAPACITY / SustainableRate.PRECISION);
        assertThat(tried.get(0)).isEqualTo(120);
        assertThat(found.probes()).hasSize(tried.size()).anyMatch(probe -> !probe.sustained());
    }

    @Test
    void comesDownWhenTheFirstTryIsTooHigh() throws InterruptedException {
        SustainableRate.Found found = SustainableRate.search(SustainableRateTest::phaseAt, 2_000, 10);

        assertThat(found.rate()).isLessThanOrEqualTo(CAPACITY).isGreaterThan(CAPACITY / SustainableRate.PRECISION);
        assertThat(found.probes().get(0).sustained()).isFalse();
    }

    @Test
    void saysWhichConditionARateFailed() {
        SustainableRate.Probe over = SustainableRate.judge(phaseAt(600));
        SustainableRate.Probe under = SustainableRate.judge(phaseAt(200));

        assertThat(over.sustained()).isFalse();
        assertThat(over.verdict()).contains("reached an outcome in time");
        assertThat(over.completedShare()).isCloseTo(0.5, within(0.01));
        assertThat(under.sustained()).isTrue();
        assertThat(under.verdict()).isEqualTo("sustained");
    }

    @Test
    void reportsNoRateWhenNoneHolds() throws InterruptedException {
        SustainableRate.Found found = SustainableRate.search(rate -> phaseAt(rate + 10_000), 100, 3);

        assertThat(found.rate()).isZero();
        assertThat(found.probes()).hasSize(3).noneMatch(SustainableRate.Probe::sustained);
    }
}
