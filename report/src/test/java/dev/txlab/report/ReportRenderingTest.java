package dev.txlab.report;

import dev.txlab.harness.readmodel.ReadModelLag;
import dev.txlab.load.SustainableRate;
import dev.txlab.scenarios.FaultMatrix;
import dev.txlab.scenarios.FaultMatrixFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportRenderingTest {
    private static final Pattern CHART = Pattern.compile("<svg class=\"chart\".*?</svg>", Pattern.DOTALL);

    @Test
    void everyChartHoldsPointsAndTheAnswerTableRatesAgainstTheBaseline() {
        Results results = SampleResults.of(SampleResults.passed("local-baseline", 400, 20),
                SampleResults.passed("saga-orch", 100, 80));

        String html = new HtmlReport(results, Optional.empty(), Optional.empty()).render();

        Matcher charts = CHART.matcher(html);
        int count = 0;
        while (charts.find()) {
            count++;
            assertThat(charts.group()).as("chart %d", count).contains("class=\"series\"").contains("class=\"point\"");
        }
        assertThat(count).as("throughput, latency vs load, distribution, outcomes and p99 per second, round trips "
                + "and commits per order (no messages: none sent), outcome mix, 2 timelines").isEqualTo(10);
        assertThat(html).contains("Every run passed its audit").contains("No implementation sent a message")
                .contains("100.0 orders/s [").contains("(4 callers, 2 iterations); 0.25x [")
                .contains("400.0 ± 2.8 orders/s (4 callers, 2 iterations)")
                .contains("durability profile <b>process</b> for every component");
    }

    @Test
    void aFailedAuditIsShownLoudlyAndNotPlotted() {
        ImplementationResult broken = new ImplementationResult("saga-choreo", "none", "g", false,
                "invariants: VIOLATED (1 violations)", java.util.List.of("I1 atomic: o7 <script>alert(1)</script>"),
                null, "", SampleResults.passed("x", 1, 1).throughput(), java.util.List.of(), null, java.util.Map.of(),
                null, "none", null, null, null, null);
        Results results = SampleResults.of(SampleResults.passed("local-baseline", 400, 20), broken);

        String html = new HtmlReport(results, Optional.empty(), Optional.empty()).render();

        assertThat(html).contains("FAILED: 1 of 2 runs")
                .contains("I1 atomic: o7 &lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>")
                .doesNotContain("data-series=\"saga-choreo\"");
        assertThat(new MarkdownReport(results, Optional.empty()).render()).contains("**FAILED**")
                .contains("| saga-choreo | g | - |");
    }

    @Test
    void aRunWhoseSubmitsFailedIsNotAResultEvenWithItsAuditPassed() {
        ImplementationResult measured = SampleResults.passed("xa-narayana", 300, 10);
        ImplementationResult notPlaced = new ImplementationResult(measured.implementation(), measured.network(),
                measured.guarantee(), true, measured.audit(), measured.violations(),
                "2975 of 3000 submits failed, not business refusals (first cause: PSQLException: ERROR: prepared "
                        + "transactions are disabled)", measured.terminationBound(), measured.throughput(),
                measured.load(), measured.cost(), measured.outcomes(), measured.timeline(), measured.networkAchieved(),
                null, null, measured.maxRate(), measured.forcedWrites());
        Results results = SampleResults.of(SampleResults.passed("local-baseline", 400, 20), notPlaced);

        String html = new HtmlReport(results, Optional.empty(), Optional.empty()).render();

        assertThat(notPlaced.passed()).isFalse();
        assertThat(results.allPassed()).isFalse();
        assertThat(html).contains("FAILED: 1 of 2 runs").contains("prepared transactions are disabled")
                .doesNotContain("data-series=\"xa-narayana\"");
    }

    @Test
    void theAnswerGivesEachImplementationItsCeilingAndTheShareReachedAndTheMethodThePrimitives() {
        Results results = SampleResults.of(SampleResults.passed("local-baseline", 400, 20),
                SampleResults.passed("saga-orch", 100, 30).withCeiling(null));

        String html = new HtmlReport(results, Optional.empty(), Optional.empty()).render();
        String markdown = new MarkdownReport(results, Optional.empty()).render();

        // the sample's ceiling is 4 x its throughput: 1,600 orders/s, 25 % of it reached at 400 orders/s
        assertThat(html).contains("1,600 orders/s (CPU); 25 % reached")
                .contains("ceiling, local-baseline (none)")
                .contains("13,900 ± 5,200 operations/s, 103.0 ± 30.0 µs machine CPU per operation (3 windows)")
                .contains("not measured: XA error code -3");
        assertThat(markdown).contains("; ceiling 1,600 orders/s (CPU); 25 % reached |")
                .contains("| saga-orch |").contains("; ceiling not measured |")
                .contains("| insert + commit | h2-file | 13,900 ± 5,200 operations/s");
    }

    @Test
    void theAnswerGivesForcedWritesPerOrderByComponentOrWhyTheyWereNotCounted() {
        ImplementationResult uncounted = SampleResults.passed("saga-orch", 100, 30);
        uncounted = new ImplementationResult(uncounted.implementation(), uncounted.network(), uncounted.guarantee(),
                true, uncounted.audit(), uncounted.violations(), null, uncounted.terminationBound(),
                uncounted.throughput(), uncounted.load(), uncounted.cost(), uncounted.outcomes(), uncounted.timeline(),
                uncounted.networkAchieved(), null, uncounted.ceiling(), uncounted.maxRate(),
                ForcedWritesPerOrder.notCounted("strace is not installed"));
        Results results = SampleResults.of(SampleResults.passed("xa-atomikos", 400, 20), uncounted);

        String html = new HtmlReport(results, Optional.empty(), Optional.empty()).render();
        String markdown = new MarkdownReport(results, Optional.empty()).render();

        assertThat(html).contains("<th>forced writes per order</th>")
                .contains("2.01 (tm-xa-atomikos 2.00, H2 orders 0.01; 800 orders)")
                .contains("not counted: strace is not installed").contains("counted by strace attached");
        assertThat(markdown).contains("| 2.01 (tm-xa-atomikos 2.00, H2 orders 0.01; 800 orders) |")
                .contains("| not counted: strace is not installed |");
    }

    @Test
    void theAnswerGivesTheMaxSustainableRateWithItsBoundAndLatencyAtTheCommonLoadAndAtItsOwn() {
        Results results = SampleResults.of(SampleResults.passed("local-baseline", 400, 20),
                SampleResults.passed("saga-orch", 100, 30));

        String html = new HtmlReport(results, Optional.empty(), Optional.empty()).render();
        String markdown = new MarkdownReport(results, Optional.empty()).render();

        String sagaMax = "100 orders/s (2 probes of 5 s, held for 15 s (1 try), 64 workers; 150 not sustained over 5 s: "
                + "80.0 % of the orders reached an outcome in time (&lt; 97 %))";
        assertThat(html).contains("max sustainable rate, orders/s").contains(sagaMax)
                .contains("p50 7.50 / p99 30.0 ms (n=300) at 25.0 orders/s offered")
                .contains("at 70.0 orders/s offered");
        assertThat(markdown).contains("| outcome latency at the common load | outcome latency at 70 % of own max |")
                .contains(sagaMax.replace("&lt;", "<"));
    }

    @Test
    void aMaxNoHoldConfirmedSaysItIsAnEstimateAndWhatTheLastHoldShowed() {
        ImplementationResult measured = SampleResults.passed("saga-choreo", 100, 30);
        ImplementationResult.MaxRate max = measured.maxRate();
        ImplementationResult.MaxRate estimated = new ImplementationResult.MaxRate(80, max.windowSeconds(),
                max.holdSeconds(), true, max.workers(), false, List.of(max.probes().get(0), max.probes().get(1),
                new SustainableRate.Probe(100, 15, 88, 0.99, 150, 400, false, false,
                        "orders in flight grew by 150 in the second half (> 23)")));
        ImplementationResult result = new ImplementationResult(measured.implementation(), measured.network(),
                measured.guarantee(), true, measured.audit(), measured.violations(), null, measured.terminationBound(),
                measured.throughput(), measured.load(), measured.cost(), measured.outcomes(), measured.timeline(),
                measured.networkAchieved(), null, measured.ceiling(), estimated, measured.forcedWrites());

        assertThat(Figures.maxRate(result)).isEqualTo("80 orders/s, estimated: none of 1 holds of 15 s held (2 probes "
                + "of 5 s; the last, at 100, achieved 88: orders in flight grew by 150 in the second half (> 23)), "
                + "64 workers");
    }

    @Test
    void aSweepCappedByAServerSettingSaysSoBesideTheImplementation() {
        ImplementationResult measured = SampleResults.passed("xa-atomikos", 300, 10);
        ImplementationResult capped = new ImplementationResult(measured.implementation(), measured.network(),
                measured.guarantee(), true, measured.audit(), measured.violations(), null, measured.terminationBound(),
                measured.throughput(), measured.load(), measured.cost(), measured.outcomes(), measured.timeline(),
                measured.networkAchieved(), "at most 15 callers, capped by max_prepared_transactions (64) of postgres",
                measured.ceiling(), measured.maxRate(), measured.forcedWrites());
        Results results = SampleResults.of(SampleResults.passed("local-baseline", 400, 20), capped);

        assertThat(new HtmlReport(results, Optional.empty(), Optional.empty()).render())
                .contains("<small>at most 15 callers, capped by max_prepared_transactions (64) of postgres</small>")
                .contains("data-series=\"xa-atomikos\"");
        assertThat(new MarkdownReport(results, Optional.empty()).render())
                .contains("| xa-atomikos (at most 15 callers, capped by max_prepared_transactions (64) of postgres) |");
    }

    @Test
    void resultsSurviveTheRoundTripThroughJsonAndRenderBesideAnEarlierRun(@TempDir Path directory) throws Exception {
        Results before = SampleResults.of(SampleResults.passed("local-baseline", 400, 20));
        Results after = SampleResults.of(SampleResults.passed("local-baseline", 500, 10));

        ResultsFiles.writeReport(directory, after, Optional.of(before));
        Results read = ResultsFiles.read(directory.resolve(ResultsFiles.RESULTS));

        assertThat(read).isEqualTo(after);
        assertThat(Files.readString(directory.resolve("index.html"))).contains("Before and after").contains("+25.0%")
                .contains("-50.0%");
        assertThat(Files.readString(directory.resolve("summary.md"))).contains("| local-baseline | none |");
        assertThat(Files.readAllLines(directory.resolve("results.csv"))).hasSize(1 + 2 + 2)
                .anyMatch(line -> line.startsWith("local-baseline,state,none,true,closed,4,,500.000,2.830,2,"));
    }

    @Test
    void aFileThatIsNotResultsIsRefusedNamingIt(@TempDir Path directory) throws Exception {
        Path notResults = Files.writeString(directory.resolve("other.json"), "{\"a\": 1}");
        Path notJson = Files.writeString(directory.resolve("other.txt"), "hello");

        assertThatThrownBy(() -> ResultsFiles.read(notResults)).hasMessageContaining("other.json is not a txlab "
                + "results file of schema version 1");
        assertThatThrownBy(() -> ResultsFiles.read(notJson)).hasMessageContaining("other.txt is not a txlab results file");
        assertThatThrownBy(() -> ResultsFiles.read(directory.resolve("missing.json")))
                .hasMessageContaining("no results file at");
    }

    @Test
    void aFaultMatrixBesideTheResultsJoinsTheReport(@TempDir Path directory) throws Exception {
        FaultMatrixFiles.write(directory, new FaultMatrix("h2-file", "quick", java.util.List.of(
                new FaultMatrix.Row("xa-crash-after-prepare", "halt after all prepares", java.util.Map.of(
                        "local-baseline", FaultMatrix.Cell.pass("halted, 0 violations", 1.5)))),
                java.util.Map.of(), java.util.Map.of()));

        ResultsFiles.writeReport(directory, SampleResults.of(SampleResults.passed("local-baseline", 400, 20)),
                Optional.empty());

        assertThat(Files.readString(directory.resolve("index.html"))).contains("xa-crash-after-prepare")
                .contains("1 of 1 scenarios pass; consistent again within 1.5 s after a crash");
    }

    @Test
    void anEventSourcedComparisonShowsEachImplementationsReadModelLagAndAStateOneDoesNot() {
        ImplementationResult state = SampleResults.passed("saga-choreo", 400, 20);
        ImplementationResult.LoadPoint common = state.load().get(0);
        ImplementationResult eventSourced = state.withSecondPass(List.of(new ImplementationResult.LoadPoint(
                common.label(), common.offered(), common.achieved(), common.seconds(), common.workers(), false,
                common.completed(), 0, common.outcome(), common.ack(), common.perSecond(),
                new ReadModelLag.Summary(600, 0, 2.5, 17.25, 31.0))), null, true, "invariants: OK", List.of(), null);

        String html = new HtmlReport(SampleResults.of(eventSourced), Optional.empty(), Optional.empty()).render();
        String markdown = new MarkdownReport(SampleResults.of(eventSourced), Optional.empty()).render();

        assertThat(html).contains("Read-model lag (event-sourced orders)").contains("p50 2.50 / p99 17.3 / max 31.0")
                .contains("600");
        assertThat(markdown).contains("## Read-model lag (event-sourced orders)")
                .containsPattern("\\| saga-choreo \\| none \\| [^|]*common load[^|]* \\| p50 2.50 / p99 17.3 / max 31.0 \\| 600 \\|");
        assertThat(new HtmlReport(SampleResults.of(state), Optional.empty(), Optional.empty()).render())
                .doesNotContain("Read-model lag");
    }
}
