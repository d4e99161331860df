package dev.txlab.report;

import dev.txlab.scenarios.FaultMatrix;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The answer's guarantee cells come from the comparison's own evidence (one crash and the isolation
 * probe per implementation), else from the full matrix beside the results, and say which.
 */
class EvidenceTest {
    private static final FaultMatrix OWN = new FaultMatrix("h2-file, sagas on artemis",
            "compare: the isolation probe and one crash per implementation",
            List.of(new FaultMatrix.Row("saga-halt-before-ack", "d", Map.of("saga-choreo",
                    FaultMatrix.Cell.pass("halted", 2.44)))),
            Map.of("saga-choreo", Map.of("dirty read", 38L)), Map.of("saga-choreo", "400 reads"));
    private static final FaultMatrix FULL = new FaultMatrix("h2-file, sagas on artemis", "full",
            List.of(new FaultMatrix.Row("local-halt-before-commit", "d", Map.of("local-baseline",
                    FaultMatrix.Cell.pass("halted", 1.0), "saga-choreo", FaultMatrix.Cell.notApplicable("")))),
            Map.of("local-baseline", Map.of("dirty read", 0L)), Map.of("local-baseline", "400 reads"));

    @Test
    void theComparisonsOwnCrashAndProbeComeFirstAndTheFullMatrixIsNamed() {
        Evidence evidence = new Evidence(withEvidence(OWN), Optional.empty());

        assertThat(evidence.crash("saga-choreo")).isEqualTo("one crash (saga-halt-before-ack): nothing left, "
                + "consistent in 2.4 s");
        assertThat(evidence.crashCell("saga-choreo")).endsWith("; the full matrix: txlab faults");
        assertThat(evidence.readers("saga-choreo")).isEqualTo("38 dirty reads");
        assertThat(evidence.crash("local-baseline")).isEqualTo(Evidence.NO_CRASH);
        assertThat(evidence.readers("local-baseline")).isEqualTo(Evidence.NO_PROBE);
    }

    @Test
    void withTheFullMatrixBesideTheCellSummarisesItTooAndFillsWhatTheComparisonLacks() {
        Evidence evidence = new Evidence(withEvidence(OWN), Optional.of(FULL));

        assertThat(evidence.crashCell("saga-choreo")).endsWith("; full matrix: no applicable scenario");
        assertThat(evidence.crash("local-baseline")).startsWith("1 of 1 scenarios pass");
        assertThat(evidence.readers("local-baseline")).isEqualTo("no anomaly");
    }

    @Test
    void aQuickComparisonSaysItRanNoCrashAndAFailedCrashFailsTheResults() {
        FaultMatrix probeOnly = new FaultMatrix("h2-file", "--quick: the isolation probe only, no crash", List.of(),
                OWN.anomalies(), OWN.anomalyExamples());
        FaultMatrix failed = new FaultMatrix("h2-file", OWN.suite(), List.of(new FaultMatrix.Row("saga-halt-before-ack",
                "d", Map.of("saga-choreo", FaultMatrix.Cell.fail("I3: 2 orders PENDING")))), Map.of(), Map.of());

        Evidence quick = new Evidence(withEvidence(probeOnly), Optional.empty());
        assertThat(quick.crashCell("saga-choreo"))
                .isEqualTo("not measured (--quick: the isolation probe only, no crash); the full matrix: txlab faults");
        assertThat(quick.crash("saga-choreo")).isEqualTo("no crash run (--quick)");
        assertThat(new Evidence(withEvidence(failed), Optional.empty()).crash("saga-choreo"))
                .isEqualTo("one crash (saga-halt-before-ack): FAIL, I3: 2 orders PENDING");
        assertThat(withEvidence(failed).allPassed()).isFalse();
        assertThat(withEvidence(OWN).allPassed()).isTrue();
    }

    private static Results withEvidence(FaultMatrix evidence) {
        Results results = SampleResults.of(SampleResults.passed("local-baseline", 400, 20),
                SampleResults.passed("saga-choreo", 100, 30));
        return new Results(results.schemaVersion(), results.method(), results.implementations(), evidence, List.of(), List.of());
    }
}
