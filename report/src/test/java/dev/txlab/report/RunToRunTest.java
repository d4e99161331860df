package dev.txlab.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Fresh runs of one implementation: the report shows the median run, and their spread beside it. */
class RunToRunTest {
    private final ImplementationResult slow = SampleResults.passed("saga-orch", 90, 30);
    private final ImplementationResult middle = SampleResults.passed("saga-orch", 100, 30);
    private final ImplementationResult fast = SampleResults.passed("saga-orch", 130, 30);

    @Test
    void theMedianRunIsShownAndTheSpreadSaysItsRangeAndVariation() {
        List<ImplementationResult> runs = List.of(fast, slow, middle);

        RunToRun spread = RunToRun.of(runs);

        assertThat(RunToRun.representative(runs)).isSameAs(middle);
        assertThat(spread.maxRates()).containsExactly(130.0, 90.0, 100.0);
        assertThat(spread.describe()).startsWith("3 fresh runs: max sustainable 90-130 orders/s (CV 19.5 %)");
        Results results = new Results(Results.SCHEMA_VERSION, SampleResults.of(middle).method(), List.of(middle), null,
                List.of(spread), List.of());
        assertThat(Trust.warnings(results)).anyMatch(w -> w.startsWith("saga-orch (network none): its 3 fresh runs")
                && w.endsWith("vary by more than 10 % of their mean"));
        assertThat(new HtmlReport(results, java.util.Optional.empty(), java.util.Optional.empty()).render())
                .contains("; 3 fresh runs: max sustainable 90-130 orders/s");
    }

    @Test
    void aRunThatDidNotPassIsShownRatherThanHiddenBehindOnesThatDid() {
        ImplementationResult failed = ImplementationResult.failed("saga-orch", "none", "g", "the broker went away");

        assertThat(RunToRun.representative(List.of(fast, failed, middle))).isSameAs(failed);
        assertThat(RunToRun.of(List.of(fast, failed, middle)).describe()).endsWith("; 1 did not pass");
    }
}
