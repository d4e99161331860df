package dev.txlab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.txlab.cli.compare.GuaranteeEvidence;
import dev.txlab.cli.compare.LatencyFiles;
import dev.txlab.harness.cost.ForcedWriteTrace;
import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.load.OverTime;
import dev.txlab.load.SustainableRate;
import dev.txlab.report.ImplementationResult;
import dev.txlab.report.Results;
import dev.txlab.report.ResultsFiles;
import dev.txlab.testkit.Servers;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The main job end to end through the shaded jar: {@code txlab compare --quick} on the embedded
 * defaults measures and audits all five implementations and writes the report, which then loads in
 * a real headless Chromium without console errors and with data in every chart.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CompareReportIT {
    private static final Path REPORT = Path.of(CliJar.dataDir(), "compare-report");

    @Test
    @Order(1)
    void compareMeasuresAndAuditsEveryImplementationAndWritesTheReport() throws Exception {
        CliJar.Outcome compare = CliJar.run("compare", "--quick", "--data-dir", CliJar.dataDir(), "--db-prefix",
                "t_compare", "--out", REPORT.toString(), "--no-progress", "--postgres-password", "not-shown-anywhere");

        assertThat(compare.exitCode()).as(compare.stdout() + compare.stderr()).isZero();
        assertThat(compare.stdout()).contains("report: " + REPORT.resolve("index.html").toAbsolutePath())
                .doesNotContain("not-shown-anywhere");
        Results results = ResultsFiles.read(REPORT.resolve(ResultsFiles.RESULTS));
        assertThat(results.implementations()).extracting(ImplementationResult::implementation)
                .containsExactlyElementsOf(Arrays.stream(ImplementationId.values()).map(ImplementationId::id).toList());
        for (ImplementationResult result : results.implementations()) {
            assertThat(result.auditPassed()).as(result.implementation() + ": " + result.audit() + " " + result.error())
                    .isTrue();
            assertThat(result.throughput()).as(result.implementation() + ": the ladder of callers")
                    .extracting(ImplementationResult.ThroughputPoint::threads).containsExactly(1, 4, 16, 64);
            assertThat(result.throughput()).allSatisfy(point -> assertThat(point.iterations()).hasSizeGreaterThan(1)
                    .allMatch(v -> v > 0));
            assertThat(result.throughput()).as(result.implementation() + ": the best level timed on to 10 iterations")
                    .filteredOn(point -> point.iterations().size() == 10).hasSize(1)
                    .allSatisfy(point -> assertThat(result.maxThroughput()).contains(point));
            assertThat(result.maxRate()).as(result.implementation() + ": the search for the max sustainable rate")
                    .satisfies(max -> {
                        assertThat(max.quick()).isTrue();
                        assertThat(max.rate()).isPositive();
                        assertThat(max.probes()).isNotEmpty().anyMatch(SustainableRate.Probe::sustained);
                    });
            assertThat(result.load()).as(result.implementation() + ": the second pass")
                    .extracting(ImplementationResult.LoadPoint::label).containsExactly("common load", "70 % of own max");
            assertThat(result.load()).allSatisfy(load -> assertThat(load.outcome().count()).isPositive());
            assertThat(result.timeline()).as(result.implementation()).isNotNull();
            assertThat(result.ceiling()).as(result.implementation() + ": a CPU ceiling from the primitives").isNotNull()
                    .satisfies(ceiling -> assertThat(ceiling.ordersPerSecond()).isPositive());
        }
        for (String file : new String[] {"index.html", "summary.md", "results.csv", "results.json"}) {
            assertThat(Files.readString(REPORT.resolve(file))).as(file).doesNotContain("not-shown-anywhere");
        }
        double slowest = results.implementations().stream().mapToDouble(r -> r.maxRate().rate()).min().orElseThrow();
        assertThat(results.implementations()).as("one common load for all: half the slowest max sustainable rate")
                .allSatisfy(r -> assertThat(r.load().get(0).offered()).isCloseTo(slowest / 2, within(1e-6)));
        assertThat(compare.stdout()).contains("quick, not the max sustainable rate");
        assertThat(results.method().command()).contains("--postgres-password ****");
        assertThat(results.method().primitives()).as("every primitive measured on h2-file and artemis")
                .extracting(p -> p.primitive() + " on " + p.on()).contains("insert + commit on h2-file", "keyed update on h2-file",
                        "XA insert + prepare + commit on h2-file", "persistent publish + consume + ack on artemis",
                        "forced write on disk");
        assertForcedWritesCounted(results);
        assertLatencyHistogramsWritten(results);
        assertReadersProbed(results);
    }

    /**
     * --quick runs each implementation's isolation probe but no crash: the baseline's readers see
     * nothing in flight, the sagas' readers see their orders PENDING.
     */
    private static void assertReadersProbed(Results results) {
        assertThat(results.evidence()).isNotNull();
        assertThat(results.evidence().suite()).isEqualTo(GuaranteeEvidence.PROBE_ONLY);
        assertThat(results.evidence().scenarios()).isEmpty();
        assertThat(results.evidence().anomalies()).as(results.evidence().anomalyExamples().toString())
                .containsOnlyKeys(Arrays.stream(ImplementationId.values()).map(ImplementationId::id).toList());
        assertThat(results.evidence().anomalies().get("local-baseline")).allSatisfy((anomaly, count) ->
                assertThat(count).as(anomaly).isZero());
        assertThat(results.evidence().anomalies().get("saga-choreo")).hasEntrySatisfying("intermediate state",
                count -> assertThat(count).isPositive());
        assertThat(results.evidence().anomalies().get("saga-orch")).hasEntrySatisfying("intermediate state",
                count -> assertThat(count).isPositive());
    }

    /**
     * Forced writes per order by component, counted by strace: Atomikos forces its log although the
     * durability profile is process (it has no setting not to), Narayana honours the profile.
     */
    /** Each open-loop phase's .hgrm and .hlog lie beside results.json; the log reads back with its outcomes. */
    private static void assertLatencyHistogramsWritten(Results results) throws Exception {
        for (ImplementationResult result : results.implementations()) {
            for (ImplementationResult.LoadPoint load : result.load()) {
                String name = LatencyFiles.baseName(result.implementation(), result.network(), load.label());
                Path folder = REPORT.resolve(LatencyFiles.FOLDER);
                assertThat(folder.resolve(name + ".hgrm")).as(name).isNotEmptyFile();
                HistogramLogReader reader = new HistogramLogReader(folder.resolve(name + ".hlog").toString());
                long read = 0;
                for (EncodableHistogram interval = reader.nextIntervalHistogram(); interval != null;
                     interval = reader.nextIntervalHistogram()) {
                    read += ((Histogram) interval).getTotalCount();
                }
                assertThat(read).as(name + ": the interval log's outcomes").isEqualTo(load.outcome().count());
                assertThat(load.perSecond().stream().mapToLong(OverTime.Second::completed).sum()).as(name)
                        .isEqualTo(load.outcome().count());
            }
        }
    }

    private static void assertForcedWritesCounted(Results results) {
        if (ForcedWriteTrace.unavailable().isPresent() && !Servers.required()) {
            assertThat(results.implementations()).allSatisfy(r -> assertThat(r.forcedWrites().notCounted())
                    .contains("strace is not installed"));
            return;
        }
        assertThat(results.implementations()).allSatisfy(r -> assertThat(r.forcedWrites().counted())
                .as(r.implementation() + ": " + r.forcedWrites().notCounted()).isTrue());
        assertThat(result(results, "xa-atomikos").forcedWrites().byComponent())
                .hasEntrySatisfying("tm-xa-atomikos", perOrder -> assertThat(perOrder).isGreaterThan(0.5));
        assertThat(result(results, "xa-narayana").forcedWrites().byComponent()).doesNotContainKey("tm-xa-narayana");
    }

    private static ImplementationResult result(Results results, String implementation) {
        return results.implementations().stream().filter(r -> r.implementation().equals(implementation))
                .findFirst().orElseThrow();
    }

    @Test
    @Order(2)
    void theReportLoadsInHeadlessChromiumWithDataInEveryChart() throws Exception {
        HeadlessChromium.assumeInstalled();
        Path page = REPORT.resolve("index.html").toAbsolutePath();
        assertThat(page).exists();
        try (HeadlessChromium browser = HeadlessChromium.start()) {
            browser.open(page);
            JsonNode charts = browser.execute("""
                    return [...document.querySelectorAll('svg.chart')].map(chart => ({
                      title: chart.querySelector('title').textContent,
                      points: [...chart.querySelectorAll('.series')].map(s => s.querySelectorAll('.point').length)
                    }));""");

            JsonNode unlabelled = browser.execute("""
                    return [...document.querySelectorAll('svg.chart')].filter(chart =>
                      ![...chart.querySelectorAll('text')].some(t => /orders|ms|%|callers|per order|seconds/.test(t.textContent))
                    ).map(chart => chart.querySelector('title').textContent);""");
            JsonNode overflowing = browser.execute("""
                    return [...document.querySelectorAll('td, th')].filter(cell => {
                      const style = getComputedStyle(cell);
                      return cell.scrollWidth > cell.clientWidth + 1 || style.overflowWrap === 'anywhere'
                        || style.wordBreak === 'break-all';
                    }).map(cell => cell.textContent.slice(0, 60));""");
            assertThat(unlabelled).as("charts without an axis label in a unit").isEmpty();
            assertThat(overflowing).as("table cells that overflow or may break a word").isEmpty();
            String verdict = browser.execute("return document.querySelector('.verdict').textContent;").asText();
            double verdictBottom = browser.execute(
                    "return document.querySelector('.verdict').getBoundingClientRect().bottom;").asDouble();
            assertThat(browser.execute("return window.innerWidth;").asInt()).isEqualTo(1366);
            assertThat(verdictBottom).as("the verdict fits the first screen of a 1366x768 window").isPositive()
                    .isLessThanOrEqualTo(768);
            assertThat(verdict).as("the verdict names every implementation").contains("local-baseline",
                    "xa-narayana", "xa-atomikos", "saga-choreo", "saga-orch").contains("saga-orch against xa-atomikos")
                    .as("and the guarantee evidence of --quick: the probe, no crash")
                    .contains("no crash run (--quick); readers saw").contains("intermediate states");
            assertThat(browser.consoleErrors()).isEmpty();
            assertThat(charts.size()).as("throughput, latency vs load, distribution, outcomes and p99 per second, "
                    + "round trips, commits and messages per order, outcome mix, 5 timelines").isEqualTo(14);
            charts.forEach(chart -> {
                assertThat(chart.path("points").size()).as(chart.path("title").asText() + " has series").isPositive();
                chart.path("points").forEach(points -> assertThat(points.asInt())
                        .as(chart.path("title").asText() + " series has points").isPositive());
            });
        }
    }

    @Test
    @Order(3)
    void reportReRendersSavedResultsAndComparesTwoSideBySide() throws Exception {
        Path results = REPORT.resolve(ResultsFiles.RESULTS);
        Path again = Path.of(CliJar.dataDir(), "compare-report-again");

        CliJar.Outcome report = CliJar.run("report", results.toString(), results.toString(), "--out", again.toString());

        assertThat(report.exitCode()).as(report.stdout() + report.stderr()).isZero();
        assertThat(Files.readString(again.resolve("index.html"))).contains("Before and after");
        assertThat(Files.readString(again.resolve("summary.md"))).contains("## Before and after");
    }
}
