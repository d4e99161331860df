package dev.txlab.report;

import dev.txlab.report.ImplementationResult.ThroughputPoint;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The verdict is generated from the results: it follows the numbers, and says when they do not decide. */
class VerdictTest {
    private static final Map<String, String> ANOMALIES = Map.of("saga-choreo", "dirty read 38",
            "xa-narayana", "non-atomic commit 12", "local-baseline", "none seen");

    @Test
    void whenTheSagaIsFasterTheVerdictSaysSoAndFlipsWhenItIsSlower() {
        ImplementationResult floor = SampleResults.passed("local-baseline", 2_000, 5);

        String sagaFaster = single(verdict(floor, SampleResults.passed("saga-choreo", 1_000, 20),
                SampleResults.passed("xa-narayana", 500, 10)).trades());
        String sagaSlower = single(verdict(floor, SampleResults.passed("saga-choreo", 500, 20),
                SampleResults.passed("xa-narayana", 1_000, 10)).trades());

        assertThat(sagaFaster).startsWith("saga-choreo against xa-narayana: 2.00x [")
                .contains("its throughput, significantly higher")
                .contains("p99 at the common load 20.0 ms against 10.0 ms (2.00x: higher)")
                .contains("readers saw dirty read 38 against non-atomic commit 12");
        assertThat(sagaSlower).startsWith("saga-choreo against xa-narayana: 0.50x [")
                .contains("significantly lower");
    }

    @Test
    void overlappingIntervalsAreNoSignificantDifference() {
        ImplementationResult saga = withBestIterations(SampleResults.passed("saga-choreo", 500, 10),
                List.of(380.0, 620.0, 450.0, 560.0));
        ImplementationResult xa = withBestIterations(SampleResults.passed("xa-narayana", 480, 10),
                List.of(400.0, 590.0, 430.0, 540.0));

        String trade = single(verdict(SampleResults.passed("local-baseline", 2_000, 5), saga, xa).trades());

        assertThat(trade).contains("no significant difference").doesNotContain("significantly")
                .contains("(1.00x: comparable)");
    }

    @Test
    void eachImplementationGetsItsRowAgainstTheFloorWithItsEvidence() {
        Verdict verdict = verdict(SampleResults.passed("local-baseline", 2_000, 5),
                SampleResults.passed("saga-choreo", 1_000, 20), SampleResults.passed("xa-narayana", 500, 10));

        assertThat(verdict.implementations()).hasSize(3);
        assertThat(verdict.implementations().get(0)).startsWith("local-baseline (guarantee of local-baseline) is the "
                + "floor: 2000.0 orders/s closed loop (4 callers)");
        assertThat(verdict.implementations().get(1)).startsWith("saga-choreo (guarantee of saga-choreo): 0.50x [")
                .contains("the floor's throughput")
                .contains("p99 20.0 ms at the common load (250 orders/s); 0.00 messages, 1.00 commits per order")
                .contains("; 3 of 3 pass").contains("readers saw dirty read 38");
        assertThat(Verdict.thresholds()).contains("95 % bootstrap interval").contains("excludes 1")
                .contains("factor of 1.2");
    }

    @Test
    void evidenceNotMeasuredIsSaidOnce() {
        Verdict verdict = new Verdict(List.of(SampleResults.passed("local-baseline", 2_000, 5)),
                id -> Evidence.NO_CRASH, id -> Evidence.NO_PROBE);

        assertThat(verdict.implementations().get(0))
                .endsWith("crash and readers not measured (no crash run, no isolation probe).");
    }

    @Test
    void aSingleIterationGivesNoIntervalAndNoJudgement() {
        ImplementationResult saga = withBestIterations(SampleResults.passed("saga-choreo", 500, 10), List.of(500.0));

        String trade = single(verdict(SampleResults.passed("local-baseline", 2_000, 5), saga,
                SampleResults.passed("xa-narayana", 500, 10)).trades());

        assertThat(trade).contains("no interval: fewer than 2 iterations").contains("significance unknown");
    }

    private static Verdict verdict(ImplementationResult... rows) {
        return new Verdict(List.of(rows), id -> "3 of 3 pass", id -> ANOMALIES.getOrDefault(id, "not probed"));
    }

    private static String single(List<String> sentences) {
        assertThat(sentences).hasSize(1);
        return sentences.get(0);
    }

    /** The result with its best closed-loop level's iterations replaced (mean recomputed). */
    private static ImplementationResult withBestIterations(ImplementationResult r, List<Double> iterations) {
        ThroughputPoint best = r.maxThroughput().orElseThrow();
        double mean = iterations.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        ThroughputPoint replaced = new ThroughputPoint(best.threads(), iterations, best.iterationSeconds(), mean, 0,
                best.outcome(), best.ack());
        return new ImplementationResult(r.implementation(), r.network(), r.guarantee(), r.auditPassed(), r.audit(),
                r.violations(), r.error(), r.terminationBound(), List.of(replaced), r.load(), r.cost(), r.outcomes(),
                r.timeline(), r.networkAchieved(), r.callersCapped(), r.ceiling(), r.maxRate(), r.forcedWrites());
    }
}
