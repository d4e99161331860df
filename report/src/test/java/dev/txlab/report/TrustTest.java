package dev.txlab.report;

import dev.txlab.report.ImplementationResult.ThroughputPoint;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A busy machine or noisy iterations are said above the figures; a quiet run says nothing. */
class TrustTest {

    @Test
    void aQuietMachineAndSteadyIterationsGiveNoWarning() {
        Results results = SampleResults.of(SampleResults.passed("saga-orch", 500, 10));

        assertThat(Trust.warnings(results)).isEmpty();
        assertThat(new HtmlReport(results, Optional.empty(), Optional.empty()).render())
                .doesNotContain("Read these figures with care").contains("CPU 1.0 % before the runs, 2.0 % during them");
    }

    @Test
    void otherProcessesStealTimeAndNoisyIterationsAreEachWarned() {
        Results quiet = SampleResults.of(SampleResults.passed("saga-orch", 500, 10));
        Method m = quiet.method();
        Method busy = new Method(m.sweep(), m.sweepExplained(), m.startedAt(), m.elapsedSeconds(), m.gitCommit(),
                m.command(), m.store(), m.durability(), m.durabilityNotes(), m.transport(), m.workload(), m.seed(),
                m.networkModel(), m.settings(), m.environment(), m.primitives(), new MachineLoad(0.02, 0.0, 0.30, 0.05));
        ImplementationResult noisy = noisy(SampleResults.passed("saga-choreo", 500, 10));

        Results results = new Results(quiet.schemaVersion(), busy, List.of(noisy), null, List.of(), List.of());

        assertThat(Trust.warnings(results)).containsExactly(
                "other processes used 30.0 % of the machine's CPU during the runs (above 5 %)",
                "steal time was 5.0 % during the runs (above 2 %)",
                "saga-choreo (network none): its 4 timed iterations at 4 callers vary by 46 % of their mean (above 10 %)");
        assertThat(new HtmlReport(results, Optional.empty(), Optional.empty()).render())
                .contains("Read these figures with care").contains("steal time was 5.0 % during the runs");
    }

    private static ImplementationResult noisy(ImplementationResult r) {
        ThroughputPoint best = r.maxThroughput().orElseThrow();
        List<Double> iterations = List.of(300.0, 700.0, 300.0, 700.0);
        ThroughputPoint wide = new ThroughputPoint(best.threads(), iterations, best.iterationSeconds(), 500, 230.9,
                best.outcome(), best.ack());
        return new ImplementationResult(r.implementation(), r.network(), r.guarantee(), r.auditPassed(), r.audit(),
                r.violations(), r.error(), r.terminationBound(), List.of(wide), r.load(), r.cost(), r.outcomes(),
                r.timeline(), r.networkAchieved(), r.callersCapped(), r.ceiling(), r.maxRate(), r.forcedWrites());
    }
}
