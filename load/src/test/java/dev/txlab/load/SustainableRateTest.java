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
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The search and the verdicts, against a stand-in system that keeps up with anything up to its capacity. */
class SustainableRateTest {
    private static final double CAPACITY = 300;
    private static final Duration WINDOW = Duration.ofSeconds(5);
    private static final SustainableRate.Plan TEN_PROBES = new SustainableRate.Plan(WINDOW, 10, Duration.ZERO, 0);

    private static LoadResult phaseAt(double rate, Duration window) {
        return phaseAt(rate, CAPACITY);
    }

    private static LoadResult phaseAt(double rate) {
        return phaseAt(rate, CAPACITY);
    }

    /** What a 5 s open loop at {@code rate} shows on a system that handles {@code capacity} orders/s. */
    private static LoadResult phaseAt(double rate, double capacity) {
        int issued = (int) (rate * 5);
        boolean keepsUp = rate <= capacity;
        int completed = keepsUp ? issued - 5 : (int) (capacity * 5);
        int inFlightAtEnd = keepsUp ? 5 : issued - completed;
        LatencyStats outcome = new LatencyStats("outcome");
        outcome.record(Duration.ofMillis(keepsUp ? 20 : 2_500).toNanos());
        return new LoadResult(8, rate, Duration.ofSeconds(5), completed, 0, 0, false, Map.of(), new LatencyStats("ack"),
                outcome, new CostCounters.Costs(Map.of()), MessageCounts.NONE,
                Optional.of(new KeepingUp(issued, completed, keepsUp ? 5 : inFlightAtEnd / 2, inFlightAtEnd)),
                new OverTime());
    }

    @Test
    void findsTheHighestRateSustainedWithinTenPercent() throws InterruptedException {
        List<Double> tried = new ArrayList<>();
        SustainableRate.Found found = SustainableRate.search((rate, window) -> {
            tried.add(rate);
            return phaseAt(rate);
        }, 120, TEN_PROBES);

        assertThat(found.rate()).isLessThanOrEqualTo(CAPACITY).isGreaterThan(CAPACITY / SustainableRate.PRECISION);
        assertThat(tried.get(0)).isEqualTo(120);
        assertThat(found.probes()).hasSize(tried.size()).anyMatch(probe -> !probe.sustained());
    }

    @Test
    void comesDownWhenTheFirstTryIsTooHigh() throws InterruptedException {
        SustainableRate.Found found = SustainableRate.search(SustainableRateTest::phaseAt, 2_000, TEN_PROBES);

        assertThat(found.rate()).isLessThanOrEqualTo(CAPACITY).isGreaterThan(CAPACITY / SustainableRate.PRECISION);
        assertThat(found.probes().get(0).sustained()).isFalse();
    }

    @Test
    void saysWhichConditionARateFailed() {
        SustainableRate.Probe over = SustainableRate.judge(phaseAt(600), WINDOW);
        SustainableRate.Probe under = SustainableRate.judge(phaseAt(200), WINDOW);

        assertThat(over.sustained()).isFalse();
        assertThat(over.verdict()).contains("reached an outcome in time");
        assertThat(over.completedShare()).isCloseTo(0.5, within(0.01));
        assertThat(under.sustained()).isTrue();
        assertThat(under.verdict()).isEqualTo("sustained");
    }

    @Test
    void reportsNoRateWhenNoneHolds() throws InterruptedException {
        SustainableRate.Found found = SustainableRate.search((rate, window) -> phaseAt(rate + 10_000), 100,
                new SustainableRate.Plan(WINDOW, 3, Duration.ofSeconds(15), 2));

        assertThat(found.rate()).isZero();
        assertThat(found.probes()).hasSize(3).noneMatch(SustainableRate.Probe::sustained);
    }

    @Test
    void stepsDownBelowWhatAFailedHoldAchievedUntilARateHolds() throws InterruptedException {
        double longRunCapacity = CAPACITY * 0.8; // what a short window hides: a few seconds later it costs more
        Duration hold = Duration.ofSeconds(15);
        SustainableRate.Found found = SustainableRate.search((rate, window) -> phaseAt(rate,
                window.equals(hold) ? longRunCapacity : CAPACITY), 120, new SustainableRate.Plan(WINDOW, 10, hold, 3));

        List<SustainableRate.Probe> holds = found.probes().stream().filter(probe -> probe.windowSeconds() == 15).toList();
        assertThat(holds).hasSize(2);
        assertThat(holds.get(0).sustained()).isFalse();
        assertThat(holds.get(0).achieved()).isCloseTo(longRunCapacity, within(1.0));
        assertThat(holds.get(1).sustained()).isTrue();
        assertThat(holds.get(1).offered()).isCloseTo(holds.get(0).achieved() / SustainableRate.PRECISION,
                within(1e-6));
        assertThat(found.rate()).isEqualTo(holds.get(1).offered());
    }

    @Test
    void estimatesAStepBelowTheLastHoldWhenNoneHolds() throws InterruptedException {
        Duration hold = Duration.ofSeconds(15);
        SustainableRate.Found found = SustainableRate.search((rate, window) -> phaseAt(rate,
                window.equals(hold) ? CAPACITY / 10 : CAPACITY), 120, new SustainableRate.Plan(WINDOW, 10, hold, 2));

        List<SustainableRate.Probe> holds = found.probes().stream().filter(probe -> probe.windowSeconds() == 15).toList();
        assertThat(holds).hasSize(2).noneMatch(SustainableRate.Probe::sustained);
        assertThat(found.estimated()).isTrue();
        assertThat(found.rate()).isCloseTo(holds.get(1).achieved() / SustainableRate.PRECISION, within(1e-6));
    }

    @Test
    void aRateThatHoldsIsNotAnEstimate() throws InterruptedException {
        SustainableRate.Found found = SustainableRate.search(SustainableRateTest::phaseAt, 120,
                new SustainableRate.Plan(WINDOW, 10, Duration.ofSeconds(15), 2));

        assertThat(found.estimated()).isFalse();
        assertThat(found.probes()).filteredOn(probe -> probe.windowSeconds() == 15).hasSize(1)
                .allMatch(SustainableRate.Probe::sustained);
    }

    @Test
    void aHoldNoLongerThanTheSearchWindowIsRefused() {
        assertThatThrownBy(() -> new SustainableRate.Plan(WINDOW, 5, WINDOW, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("holds longer than that window");
    }
}
