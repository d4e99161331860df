package dev.txlab.report;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Two results side by side: only when measured alike, and a change is called significant only beyond its spread. */
class BeforeAfterTest {

    @Test
    void resultsMeasuredAlikeHaveNoDifferencesAndOtherwiseEachIsNamed() {
        Results before = SampleResults.of(SampleResults.passed("saga-orch", 100, 10));
        Results after = withSweep(SampleResults.of(SampleResults.passed("saga-orch", 200, 10)), "default");

        assertThat(before.differencesFrom(before)).isEmpty();
        assertThat(after.differencesFrom(before)).containsExactly("sweep: quick, then default");
        ImplementationResult orch = before.implementations().get(0);
        Results repeated = new Results(before.schemaVersion(), before.method(), before.implementations(), null,
                List.of(RunToRun.of(List.of(orch, orch, orch))), List.of());
        assertThat(repeated.differencesFrom(before)).containsExactly("fresh runs per implementation: 1, then 3");
        Results eventSourced = withSettings(before, Map.of("orders model", "event-sourced (each order its stream)"));
        assertThat(eventSourced.differencesFrom(before)).containsExactly("orders model: state, then event-sourced");
        Results accounts = withSettings(before, Map.of("accounts model", "event-sourced, a snapshot every 100 events "
                + "of an account (each account its stream of events)"));
        assertThat(accounts.differencesFrom(before)).containsExactly("accounts model: state, then event-sourced, a "
                + "snapshot every 100 events of an account");
    }

    @Test
    void aChangeBeyondTheSpreadIsSignificantAndOneWithinItIsNot() {
        Results before = SampleResults.of(SampleResults.passed("saga-orch", 100, 10),
                SampleResults.passed("saga-choreo", 100, 10));
        Results after = SampleResults.of(SampleResults.passed("saga-orch", 200, 10),
                SampleResults.passed("saga-choreo", 101, 10));

        List<List<String>> rows = new BeforeAfter(before, after).rows();

        int significant = BeforeAfter.header().indexOf("significant?");
        assertThat(rows.get(0).get(significant)).startsWith("yes (after / before 1.9");
        assertThat(rows.get(1).get(significant)).startsWith("no (after / before 0.9");
        assertThat(new HtmlReport(withSweep(after, "default"), Optional.of(before), Optional.empty()).render())
                .contains("Measured differently (shown with --force)").contains("sweep: quick, then default");
    }

    private static Results withSettings(Results results, Map<String, String> settings) {
        Method m = results.method();
        return new Results(results.schemaVersion(), new Method(m.sweep(), m.sweepExplained(), m.startedAt(),
                m.elapsedSeconds(), m.gitCommit(), m.command(), m.store(), m.durability(), m.durabilityNotes(),
                m.transport(), m.workload(), m.seed(), m.networkModel(), settings, m.environment(),
                m.primitives(), m.machineLoad()), results.implementations(), results.evidence(),
                results.runToRun(), List.of());
    }

    private static Results withSweep(Results results, String sweep) {
        Method m = results.method();
        return new Results(results.schemaVersion(), new Method(sweep, m.sweepExplained(), m.startedAt(),
                m.elapsedSeconds(), m.gitCommit(), m.command(), m.store(), m.durability(), m.durabilityNotes(),
                m.transport(), m.workload(), m.seed(), m.networkModel(), m.settings(), m.environment(),
                m.primitives(), m.machineLoad()), results.implementations(), results.evidence(),
                results.runToRun(), List.of());
    }
}
