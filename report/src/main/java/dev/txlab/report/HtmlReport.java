package dev.txlab.report;

import dev.txlab.domain.trace.StepTrace;
import dev.txlab.load.LatencySummary;
import dev.txlab.load.OverTime;
import dev.txlab.report.ImplementationResult.Cost;
import dev.txlab.report.ImplementationResult.LoadPoint;
import dev.txlab.report.ImplementationResult.ThroughputPoint;
import dev.txlab.scenarios.FaultMatrix;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The report as one self-contained HTML file (inline CSS and SVG, no script, no fetch), sections in
 * the order of docs/report.md: answers first, evidence under them, method last. With a second result
 * file it adds a before/after section.
 */
public final class HtmlReport {
    private static final String CSS = """
            body{font-family:system-ui,sans-serif;margin:1em auto;max-width:1280px;padding:0 1em;color:#222;
              line-height:1.4}
            h1{margin:.2em 0;font-size:26px} h2{border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:2em}
            h2.answer{margin-top:.6em}
            table{border-collapse:collapse;margin:.5em 0;font-size:13px;display:block;max-width:100%;overflow-x:auto}
            td,th{border:1px solid #ccc;padding:4px 6px;vertical-align:top;text-align:left;hyphens:none}
            th{background:#f3f3f3} td.num{text-align:right}
            .failed{background:#fdd;border:2px solid #c00;padding:.6em;font-weight:bold}
            .passed{background:#dfd;border:1px solid #393;padding:.3em .6em} .note{color:#555;font-size:13px}
            figure{margin:1em 0} figcaption{font-size:13px;color:#555} a{color:inherit}
            tr.failed-row td{background:#fdd} .warn{background:#ffe9b3;border:1px solid #c90;padding:.4em .6em}
            .verdict{font-size:14px} .verdict ul{margin:.3em 0}
            """;

    private final Results results;
    private final Optional<Results> before;
    private final Evidence evidence;

    public HtmlReport(Results results, Optional<Results> before, Optional<FaultMatrix> faults) {
        this.results = results;
        this.before = before;
        this.evidence = new Evidence(results, faults);
    }

    public String render() {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>txlab comparison</title><style>" + CSS + "</style></head><body>");
        Method method = results.method();
        html.append("<h1>txlab: XA two-phase commit vs sagas, one order transaction</h1>");
        html.append(p("note", Html.escape(method.sweep()) + " sweep; store " + Html.escape(method.store())
                + ", transport " + Html.escape(method.transport()) + ", durability profile <b>"
                + Html.escape(method.durability()) + "</b> for every component; <b>" + Html.escape(results.modelsKept())
                + "</b>; " + Html.escape(method.startedAt())
                + ", commit " + Html.escape(method.gitCommit()) + ". How it was measured: <a href=\"#method\">9. "
                + "Method</a>."));
        auditBanner(html);
        for (String network : results.networks()) {
            answerTable(html, network);
        }
        throughputSection(html);
        latencySection(html);
        overTimeSection(html);
        costSection(html);
        outcomeSection(html);
        networkSection(html);
        faultSections(html);
        timelineSection(html);
        before.ifPresent(earlier -> html.append(new BeforeAfter(earlier, results).html()));
        methodSection(html);
        return html.append("</body></html>").toString();
    }

    private void auditBanner(StringBuilder html) {
        if (results.evidence() != null && results.evidence().failures() > 0) {
            html.append("<div class=\"failed\">FAILED: ").append(results.evidence().failures()).append(" crash "
                    + "of the guarantee evidence did not recover to a passing audit: see <a href=\"#faults\">6. "
                    + "Failure behaviour</a>.</div>");
        }
        List<ImplementationResult> failed = results.implementations().stream()
                .filter(result -> !result.passed()).toList();
        if (failed.isEmpty()) {
            html.append(p("passed", "Every run passed its audit (invariants I0-I6 of docs/design.md): "
                    + results.implementations().size() + " runs."));
            return;
        }
        StringBuilder text = new StringBuilder("FAILED: " + failed.size() + " of "
                + results.implementations().size() + " runs; their numbers are not plotted as results:<ul>");
        failed.forEach(result -> text.append("<li>").append(Html.escape(result.implementation() + " (network "
                + result.network() + "): " + Figures.audit(result))).append(violations(result)).append("</li>"));
        html.append("<div class=\"failed\">").append(text).append("</ul></div>");
    }

    private void trustBanner(StringBuilder html) {
        List<String> warnings = Trust.warnings(results);
        if (!warnings.isEmpty()) {
            html.append("<div class=\"warn\">Read these figures with care:<ul>");
            warnings.forEach(w -> html.append("<li>").append(Html.escape(w)).append("</li>"));
            html.append("</ul></div>");
        }
    }

    private static String violations(ImplementationResult result) {
        if (result.violations().isEmpty()) {
            return "";
        }
        StringBuilder list = new StringBuilder("<ul>");
        result.violations().forEach(v -> list.append("<li>").append(Html.escape(v)).append("</li>"));
        return list.append("</ul>").toString();
    }

    private void answerTable(StringBuilder html, String network) {
        List<ImplementationResult> rows = results.at(network);
        html.append("<h2 class=\"answer\" id=\"answers-").append(Html.escape(network))
                .append("\">1. The answer (network ").append(Html.escape(network)).append(")</h2>");
        verdict(html, rows);
        if (network.equals(results.networks().get(0))) {
            trustBanner(html);
        }
        html.append("<table><tr><th>implementation</th><th>guarantee</th><th>max sustainable rate, orders/s; the "
                + "ceiling (CPU or forced writes) and the share of it reached</th><th>closed-loop throughput at the "
                + "best number of callers, orders/s [95 % interval within one run]; ratio to local-baseline "
                + "[interval]</th><th>outcome latency at the common load, ms</th><th>outcome latency at 70 % of own "
                + "max, ms</th><th>messages per order</th><th>JDBC round trips per order</th><th>commits per order"
                + "</th><th>forced writes per order</th><th>what a crash leaves behind (one crash; the full matrix: "
                + "<code>txlab faults</code>)</th><th>anomalies readers saw (isolation probe)</th><th>audit</th></tr>");
        List<ImplementationResult> passed = rows.stream().filter(ImplementationResult::passed).toList();
        Shade rate = Shade.higherIsBetter(passed, ImplementationResult::headlineRate);
        Shade throughput = Shade.throughput(passed);
        Shade outcomeP99 = Shade.lowerIsBetter(passed, r -> Figures.commonLoad(r).map(l -> l.outcome().p99()));
        Shade messages = Shade.fewerPerOrder(passed, r -> Optional.ofNullable(r.cost()).map(Cost::messagesPublished));
        Shade roundTrips = Shade.fewerPerOrder(passed, r -> Optional.ofNullable(r.cost()).map(Cost::roundTrips));
        Shade commits = Shade.fewerPerOrder(passed, r -> Optional.ofNullable(r.cost()).map(Figures::commits));
        Shade forcedWrites = Shade.fewerPerOrder(passed, r -> Optional.ofNullable(r.forcedWrites())
                .filter(ForcedWritesPerOrder::counted).map(ForcedWritesPerOrder::total));
        for (ImplementationResult row : rows) {
            if (!row.passed()) {
                html.append("<tr class=\"failed-row\"><td>").append(Html.escape(row.implementation()))
                        .append("</td><td>").append(Html.escape(row.guarantee())).append("</td><td colspan=\"11\">")
                        .append(Html.escape(Figures.audit(row))).append("</td></tr>");
                continue;
            }
            html.append("<tr><td><b>").append(Html.escape(row.implementation())).append("</b>")
                    .append(row.callersCapped() == null ? "" : "<br><small>" + Html.escape(row.callersCapped())
                            + "</small>").append("</td><td>")
                    .append(Html.escape(row.guarantee())).append("</td>");
            html.append(cell(rate, row, "#method", Optional.of(Figures.maxRate(row) + "; ceiling "
                    + Figures.ceiling(row) + results.runToRun(row).map(r -> "; " + r.describe()).orElse(""))));
            html.append(cell(throughput, row, "#throughput", Optional.of(Figures.closedLoop(row, rows))));
            html.append(cell(outcomeP99, row, "#latency", Figures.commonLoad(row).map(Figures::latencyAt)));
            html.append("<td class=\"num\"><a href=\"#latency\">").append(Html.escape(Figures.ownLoad(row)
                    .map(Figures::latencyAt).orElse("-"))).append("</a></td>");
            Optional<Cost> cost = Optional.ofNullable(row.cost());
            html.append(cell(messages, row, "#cost", cost.map(c -> Figures.perOrder(c.messagesPublished())
                    + " published, " + Figures.perOrder(c.messagesDelivered()) + " delivered (" + c.orders()
                    + " orders)")));
            html.append(cell(roundTrips, row, "#cost", cost.map(c -> Figures.perOrder(c.roundTrips()) + " ("
                    + c.orders() + " orders)")));
            html.append(cell(commits, row, "#cost", cost.map(c -> Figures.perOrder(Figures.commits(c)) + " ("
                    + Figures.perOrder(c.commits()) + " local, " + Figures.perOrder(c.xaCommits()) + " XA branches)")));
            html.append(cell(forcedWrites, row, "#cost", Optional.of(Figures.forcedWrites(row))));
            html.append("<td><a href=\"#faults\">").append(Html.escape(evidence.crashCell(row.implementation())))
                    .append("</a></td>");
            html.append("<td><a href=\"#readers\">").append(Html.escape(evidence.readers(row.implementation())))
                    .append("</a></td>");
            html.append("<td>").append(Html.escape(Figures.audit(row))).append("</td></tr>");
        }
        html.append("</table>");
        html.append(p("note", "Shading, green (best in the column) to red, only where values are comparable: the max "
                + "sustainable rate (one search for all), throughput (a row whose difference from the best is not "
                + "significant takes the best's colour), latency at the common load (the same offered rate for all: "
                + "half the slowest max sustainable rate) and the counts per order; latency at 70 % of each one's "
                + "own max is at different rates, so not shaded. Max sustainable rate: the highest open-loop rate "
                + "sustained in the search (>= 97 % of the orders issued reach an outcome by the loop's maximum lag "
                + "after the window, orders in flight not growing, outcome p99 <= 1 s), with the next rate up and "
                + "why it was not. Closed-loop throughput: the mean over the timed iterations at the number of "
                + "callers that gave the most, with a 95 % bootstrap interval of that mean and of its ratio to "
                + "local-baseline; within one run: it does not cover run-to-run variation. Latency: open loop in a "
                + "fresh run, from each order's intended start."));
    }

    private void verdict(StringBuilder html, List<ImplementationResult> rows) {
        Verdict verdict = evidence.verdict(rows);
        html.append("<div class=\"verdict\"><b>Verdict</b> (generated from the table below; the thresholds under "
                + "it)<ul>");
        verdict.implementations().forEach(s -> html.append("<li>").append(Html.escape(s)).append("</li>"));
        html.append("</ul><ul>");
        verdict.trades().forEach(s -> html.append("<li>").append(Html.escape(s)).append("</li>"));
        html.append("</ul>").append(p("note", Html.escape(Verdict.thresholds()))).append("</div>");
    }

    private static String cell(Shade shade, ImplementationResult row, String anchor, Optional<String> text) {
        return "<td class=\"num\" style=\"background:" + shade.colour(row) + "\"><a href=\"" + anchor + "\">"
                + Html.escape(text.orElse("-")) + "</a></td>";
    }

    private void throughputSection(StringBuilder html) {
        html.append("<h2 id=\"throughput\">2. Throughput vs concurrency</h2>");
        for (String network : results.networks()) {
            LineChart chart = new LineChart("concurrent callers (closed loop)", "orders/s (mean ± sd)");
            for (ImplementationResult result : passed(network)) {
                chart.add(result.implementation(), result.throughput().stream()
                        .map(t -> new LineChart.Point(t.threads(), t.mean(), t.stdDev(), Figures.throughput(t)))
                        .toList());
            }
            figure(html, chart.isEmpty() ? null : chart.render("Throughput vs concurrency, network " + network),
                    "Throughput vs concurrent callers, network " + network + "; error bars: ± one standard deviation "
                            + "over the timed iterations.");
        }
        StringBuilder table = new StringBuilder("<table><tr><th>implementation</th><th>network</th><th>callers</th>"
                + "<th>orders/s, mean ± sd</th><th>iterations (orders/s each)</th><th>outcome latency, ms</th></tr>");
        for (ImplementationResult result : results.implementations()) {
            for (ThroughputPoint point : result.throughput()) {
                table.append("<tr><td>").append(Html.escape(result.implementation())).append("</td><td>")
                        .append(Html.escape(result.network())).append("</td><td class=\"num\">")
                        .append(point.threads()).append("</td><td class=\"num\">")
                        .append(String.format(Locale.ROOT, "%.1f ± %.1f", point.mean(), point.stdDev()))
                        .append("</td><td>").append(Html.escape(point.iterations().stream()
                                .map(v -> String.format(Locale.ROOT, "%.1f", v)).toList().toString()))
                        .append(String.format(Locale.ROOT, " (%.1f s each)", point.iterationSeconds()))
                        .append("</td><td>").append(Html.escape(Figures.latency(point.outcome()))).append("</td></tr>");
            }
        }
        html.append(table).append("</table>");
    }

    private void latencySection(StringBuilder html) {
        html.append("<h2 id=\"latency\">3. Latency vs offered load, and its distribution</h2>");
        for (String network : results.networks()) {
            LineChart vsLoad = new LineChart("offered load, orders/s (open loop)", "outcome latency, ms").logY();
            List<ImplementationResult> plotted = passed(network);
            for (int i = 0; i < plotted.size(); i++) {
                ImplementationResult result = plotted.get(i);
                vsLoad.add(result.implementation() + " p50", loadCurve(result, LatencySummary::p50), false, i,
                        LineChart.Marker.RING);
                vsLoad.add(result.implementation() + " p99", loadCurve(result, LatencySummary::p99), true, i,
                        LineChart.Marker.TRIANGLE);
            }
            figure(html, vsLoad.isEmpty() ? null : vsLoad.render("Latency vs offered load, network " + network),
                    "Outcome latency (intended start to final outcome) vs offered load, log scale: p50 solid with "
                            + "rings, p99 dashed with triangles, one colour per implementation, "
                            + "network " + network + ".");
            LineChart distribution = new LineChart("percentile", "outcome latency, ms (log scale)").logY()
                    .xTicks(List.of(new LineChart.Tick(percentileX(0), "0%"), new LineChart.Tick(percentileX(90), "90%"),
                            new LineChart.Tick(percentileX(99), "99%"), new LineChart.Tick(percentileX(99.9), "99.9%"),
                            new LineChart.Tick(percentileX(99.99), "99.99%")));
            for (ImplementationResult result : passed(network)) {
                Figures.statedLoad(result).ifPresent(load -> distribution.add(result.implementation(),
                        load.outcome().curve().stream().filter(point -> point.millis() > 0)
                                .map(point -> new LineChart.Point(percentileX(point.percentile()), point.millis(), 0,
                                        String.format(Locale.ROOT, "p%.3f = %s ms", point.percentile(),
                                                Figures.millis(point.millis()))))
                                .toList()));
            }
            figure(html, distribution.isEmpty() ? null
                            : distribution.render("Latency distribution at the stated load, network " + network),
                    "Outcome latency percentiles at each implementation's stated load (open loop), network "
                            + network + ".");
        }
        StringBuilder table = new StringBuilder("<table><tr><th>implementation</th><th>network</th><th>load</th>"
                + "<th>outcome latency, ms</th><th>ack latency, ms</th><th>orders</th></tr>");
        for (ImplementationResult result : results.implementations()) {
            for (LoadPoint load : result.load()) {
                table.append("<tr><td>").append(Html.escape(result.implementation())).append("</td><td>")
                        .append(Html.escape(result.network())).append("</td><td>").append(Html.escape(
                                Figures.load(load) + String.format(Locale.ROOT, ", %.0f s, %d workers", load.seconds(),
                                        load.workers()))).append("</td><td>")
                        .append(Html.escape(detailedLatency(load.outcome()))).append("</td><td>")
                        .append(Html.escape(detailedLatency(load.ack()))).append("</td><td class=\"num\">")
                        .append(load.completed()).append(" with an outcome, ").append(load.unfinished())
                        .append(" without</td></tr>");
            }
        }
        html.append(table).append("</table>");
        if (ReadModelLags.shown(results)) {
            html.append("<h3 id=\"read-model-lag\">Read-model lag (event-sourced orders)</h3>");
            plainTable(html, ReadModelLags.HEADER, ReadModelLags.rows(results));
            html.append(p("note", Html.escape(ReadModelLags.METHOD)));
        }
    }

    private static String detailedLatency(LatencySummary latency) {
        if (latency.count() == 0) {
            return "no samples";
        }
        return String.format(Locale.ROOT, "p50 %s, p90 %s, p99 %s, p99.9 %s, max %s; mean %s ± %s sd (n=%d)",
                Figures.millis(latency.p50()), Figures.millis(latency.p90()), Figures.millis(latency.p99()),
                Figures.millis(latency.p999()), Figures.millis(latency.max()), Figures.millis(latency.mean()),
                Figures.millis(latency.stdDev()), latency.count());
    }

    private static double percentileX(double percentile) {
        return Math.log10(100.0 / Math.max(100.0 - percentile, 0.001));
    }

    private static List<LineChart.Point> loadCurve(ImplementationResult result, Function<LatencySummary, Double> metric) {
        return result.load().stream().filter(load -> load.outcome().count() > 0)
                .map(load -> new LineChart.Point(load.offered(), Math.max(metric.apply(load.outcome()), 0.001), 0,
                        Figures.load(load) + ": " + Figures.latency(load.outcome())))
                .toList();
    }

    /** Each implementation's open loop at the common load, second by second: a stall shows. */
    private void overTimeSection(StringBuilder html) {
        html.append("<h2 id=\"over-time\">Over time, at the common load</h2>");
        for (String network : results.networks()) {
            LineChart throughput = new LineChart("seconds into the open loop at the common load",
                    "orders reaching their outcome, per second");
            LineChart p99 = new LineChart("seconds into the open loop at the common load",
                    "outcome p99 of that second, ms (log scale)").logY();
            for (ImplementationResult result : passed(network)) {
                List<OverTime.Second> seconds = Figures.commonLoad(result).map(LoadPoint::perSecond).orElse(List.of());
                if (seconds.isEmpty()) {
                    continue;
                }
                throughput.add(result.implementation(), seconds.stream().map(s -> new LineChart.Point(s.second(),
                        s.completed(), 0, s.completed() + " orders in second " + s.second())).toList());
                p99.add(result.implementation(), seconds.stream().filter(s -> s.p99Millis() > 0)
                        .map(s -> new LineChart.Point(s.second(), s.p99Millis(), 0, "p99 " + Figures.millis(s.p99Millis())
                                + " ms in second " + s.second())).toList());
            }
            figure(html, throughput.isEmpty() ? null : throughput.render("Outcomes per second, network " + network),
                    "Orders that reached their outcome in each second of the open loop at the common load (the same "
                            + "offered rate for all), network " + network + ": a dip is a stall.");
            figure(html, p99.isEmpty() ? null : p99.render("Outcome p99 per second, network " + network),
                    "The 99th percentile of the outcome latencies of each second's orders, network " + network
                            + "; the whole distributions per second are in the HdrHistogram interval logs "
                            + "(histograms/*.hlog beside results.json; .hgrm: each phase's percentiles).");
        }
    }

    private void costSection(StringBuilder html) {
        html.append("<h2 id=\"cost\">4. Cost per order</h2>");
        for (String network : results.networks()) {
            List<ImplementationResult> plotted = passed(network);
            StackedBars roundTrips = new StackedBars(List.of("statements", "local commits", "local rollbacks",
                    "connection checks", "XA prepares", "XA commits", "other XA calls"), "JDBC round trips per order");
            StackedBars commits = new StackedBars(List.of("local commits", "XA branch commits"), "commits per order");
            StackedBars messages = StackedBars.sideBySide(List.of("published", "delivered"), "messages per order");
            for (ImplementationResult result : plotted) {
                Cost c = result.cost();
                roundTrips.add(result.implementation(), List.of(c.statements(), c.commits(), c.rollbacks(),
                        c.connectionChecks(), c.xaPrepares(), c.xaCommits(), c.xaOther()));
                commits.add(result.implementation(), List.of(c.commits(), c.xaCommits()));
                messages.add(result.implementation(), List.of(c.messagesPublished(), c.messagesDelivered()));
            }
            String counted = " Mean per order over every order of the first pass, warm-ups included, network " + network
                    + ".";
            figure(html, roundTrips.isEmpty() ? null : roundTrips.render("JDBC round trips per order, network "
                    + network), "JDBC round trips per order by kind, counted at the decorator every connection "
                    + "passes through; a bar's length is the table's round trips." + counted);
            figure(html, commits.isEmpty() ? null : commits.render("Commits per order, network " + network),
                    "Commits per order: local transactions committed, and XA branches committed in phase 2 (each a "
                            + "commit in its database)." + counted);
            if (plotted.stream().anyMatch(r -> r.cost().messagesPublished() > 0)) {
                figure(html, messages.render("Messages per order, network " + network), "Messages per order, "
                        + "counted at the transport's decorator: published, and delivered to a consumer (redeliveries "
                        + "included); side by side, as they do not add up." + counted);
            } else {
                html.append(p("note", "No implementation sent a message, network " + Html.escape(network) + "."));
            }
            html.append(p("note", Html.escape(Figures.FORCED_WRITES_METHOD + " Per order: " + plotted.stream()
                    .map(r -> r.implementation() + " " + Figures.forcedWrites(r)).collect(Collectors.joining("; "))
                    + ".")));
            html.append(p("note", Html.escape("Bytes the databases wrote per order (" + OrdersModels.bytesMeasured(
                    results) + ", over the first pass): " + plotted.stream().map(r -> r.implementation() + " "
                    + Figures.bytesWritten(r)).collect(Collectors.joining("; ")) + ".")));
        }
        if (OrdersModels.shown(results)) {
            html.append("<h3 id=\"orders-models\">Orders models side by side</h3>");
            plainTable(html, OrdersModels.HEADER, OrdersModels.rows(results));
            html.append(p("note", Html.escape("Each model's first pass, one run each (no "
                    + "interval across runs): the max sustainable rate as the answer table gives it, commits local "
                    + "and XA branch commits together, bytes: " + OrdersModels.bytesMeasured(results) + ".")));
        }
    }

    /** A table of text cells, each escaped, without shading. */
    private static void plainTable(StringBuilder html, List<String> header, List<List<String>> rows) {
        html.append("<table><tr>");
        header.forEach(h -> html.append("<th>").append(Html.escape(h)).append("</th>"));
        html.append("</tr>");
        for (List<String> row : rows) {
            html.append("<tr>");
            row.forEach(cell -> html.append("<td>").append(Html.escape(cell)).append("</td>"));
            html.append("</tr>");
        }
        html.append("</table>");
    }

    private void outcomeSection(StringBuilder html) {
        html.append("<h2 id=\"outcomes\">Outcome mix</h2>");
        TreeSet<String> labels = new TreeSet<>();
        results.implementations().forEach(result -> labels.addAll(result.outcomes().keySet()));
        for (String network : results.networks()) {
            StackedBars bars = new StackedBars(List.copyOf(labels), "% of the run's orders");
            for (ImplementationResult result : passed(network)) {
                long orders = result.outcomes().values().stream().mapToLong(Long::longValue).sum();
                List<Double> values = new ArrayList<>();
                labels.forEach(label -> values.add(orders == 0 ? 0 : 100.0 * result.outcomes().getOrDefault(label, 0L)
                        / orders));
                bars.add(result.implementation() + " (" + orders + " orders)", values);
            }
            figure(html, labels.isEmpty() || bars.isEmpty() ? null : bars.render("Outcome mix, network " + network),
                    "Final outcomes of every order of the run (warm-ups included) in % of its orders, network "
                            + network + ". With ample stock and balances the proportions must match across "
                            + "implementations (the same workload, fewer or more orders).");
        }
    }

    private void networkSection(StringBuilder html) {
        if (results.networks().size() < 2) {
            html.append("<h2 id=\"network\">5. Network what-if</h2>").append(p("note", "Measured at network "
                    + Html.escape(String.join(", ", results.networks())) + " only; run <code>txlab compare --full"
                    + "</code> for none, lan and wan."));
            return;
        }
        html.append("<h2 id=\"network\">5. Network what-if</h2>");
        List<String> networks = results.networks();
        LineChart chart = new LineChart("network profile (0 = none, then in the order measured)",
                "max throughput, orders/s");
        List<LineChart.Tick> ticks = new ArrayList<>();
        for (int i = 0; i < networks.size(); i++) {
            ticks.add(new LineChart.Tick(i, networks.get(i)));
        }
        chart.xTicks(ticks);
        results.implementations().stream().map(ImplementationResult::implementation).distinct().forEach(id -> {
            List<LineChart.Point> points = new ArrayList<>();
            for (int i = 0; i < networks.size(); i++) {
                int index = i;
                results.at(networks.get(i)).stream().filter(r -> r.implementation().equals(id))
                        .filter(ImplementationResult::passed)
                        .flatMap(r -> r.maxThroughput().stream())
                        .forEach(t -> points.add(new LineChart.Point(index, t.mean(), t.stdDev(),
                                Figures.throughput(t))));
            }
            chart.add(id, points);
        });
        figure(html, chart.isEmpty() ? null : chart.render("Max throughput per network profile"),
                "Max throughput per network profile (simulated in Java: parkNanos per JDBC round trip, and on the "
                        + "publishing thread per message sent; a result whose achieved mean is above 1.2 x the "
                        + "requested is not valid and not shown). Achieved delays: " + Html.escape(achievedDelays()));
    }

    private String achievedDelays() {
        return String.join("; ", results.implementations().stream().filter(r -> !r.networkAchieved().equals("none"))
                .filter(r -> !r.networkAchieved().isEmpty())
                .map(r -> r.implementation() + " at " + r.network() + ": " + r.networkAchieved()).toList());
    }

    private void faultSections(StringBuilder html) {
        html.append("<h2 id=\"faults\">6. Failure behaviour</h2>");
        evidence.own().ifPresentOrElse(own -> html.append(p("note", "This comparison's crash: one per implementation, "
                        + "at the protocol point whose recovery took longest in the full matrix; a child JVM halts "
                        + "there, a fresh one recovers, the audit checks invariants I0-I6.")).append(own.html()),
                () -> html.append(p("note", "This comparison ran no crash.")));
        html.append(evidence.full().map(full -> "<h3>The full matrix (faults.json)</h3>" + full.html())
                .orElse(p("note", "No full matrix: no <code>faults.json</code> beside the results (written by "
                        + "<code>txlab faults</code>).")));
        html.append("<h2 id=\"readers\">7. What readers saw</h2>");
        html.append(p("note", "The isolation probe: concurrent readers poll in-flight orders' rows during a run of "
                + "400 orders on 20 hot products, and each read is judged against the order's final outcome."));
        evidence.own().ifPresent(own -> html.append(own.anomaliesHtml()));
        evidence.full().ifPresent(full -> html.append("<h3>In the full matrix (faults.json)</h3>")
                .append(full.anomaliesHtml()));
        if (evidence.own().isEmpty() && evidence.full().isEmpty()) {
            html.append(p("note", "No isolation probe results."));
        }
    }

    private void timelineSection(StringBuilder html) {
        html.append("<h2 id=\"timeline\">8. One order's life</h2>");
        for (String network : results.networks()) {
            List<ImplementationResult> drawn = passed(network).stream().filter(r -> r.timeline() != null
                    && !r.timeline().steps().isEmpty()).toList();
            double scale = Swimlanes.sharedEndMillis(drawn.stream().map(ImplementationResult::timeline).toList());
            if (!drawn.isEmpty()) {
                html.append(p("note", String.format(Locale.ROOT, "Network %s: one order per implementation (of the "
                        + "first %d traced in the phase its caption names, the one that visited the most services), "
                        + "all on one scale of %s ms.", Html.escape(network), StepTrace.DEFAULT_SAMPLE_ORDERS,
                        Figures.millis(scale))));
            }
            for (ImplementationResult result : drawn) {
                figure(html, Swimlanes.render(result.timeline(), result.implementation() + ", order "
                                + result.timeline().orderId(), scale),
                        result.implementation() + " (network " + network + "): order " + result.timeline().orderId()
                                + ", sampled in " + Optional.ofNullable(result.timeline().sampledIn()).orElse("a phase "
                                + "not recorded") + "; one lane per service, each bar a step from the step trace, "
                                + "named under it (hover for its times).");
            }
        }
    }

    private void methodSection(StringBuilder html) {
        Method method = results.method();
        Method.Environment env = method.environment();
        html.append("<h2 id=\"method\">9. Method and environment</h2><table>");
        row(html, "command", method.command());
        row(html, "sweep", method.sweepExplained());
        row(html, "started, took", method.startedAt() + String.format(Locale.ROOT, ", %.0f s", method.elapsedSeconds()));
        row(html, "git commit", method.gitCommit());
        row(html, "store", method.store());
        row(html, "durability", method.durability() + ". " + String.join(" ", method.durabilityNotes()));
        row(html, "transport (sagas)", method.transport());
        row(html, "workload", method.workload());
        row(html, "seed", String.valueOf(method.seed()));
        row(html, "network model", method.networkModel());
        row(html, "machine load", method.machineLoad() == null ? "not measured" : method.machineLoad().describe());
        method.settings().forEach((key, value) -> row(html, key, value));
        row(html, "CPU", env.cpu() + ", " + env.cores() + " cores");
        row(html, "memory", String.format(Locale.ROOT, "%.1f GiB", env.memoryBytes() / (1024.0 * 1024 * 1024)));
        row(html, "OS", env.os());
        row(html, "JVM", env.jvm());
        env.databases().forEach((db, version) -> row(html, "database " + db, version));
        env.brokers().forEach((broker, version) -> row(html, "broker " + broker, version));
        for (ImplementationResult result : results.implementations()) {
            row(html, "termination bound (I5), " + result.implementation(), result.terminationBound());
        }
        method.primitives().forEach(p -> row(html, "primitive: " + p.primitive() + " on " + p.on(), Figures.primitive(p)));
        for (ImplementationResult result : results.implementations()) {
            if (result.ceiling() != null) {
                row(html, "ceiling, " + result.implementation() + " (" + result.network() + ")",
                        Figures.ceiling(result) + ": " + result.ceiling().basis());
            }
        }
        html.append("</table>");
    }

    private List<ImplementationResult> passed(String network) {
        return results.at(network).stream().filter(ImplementationResult::passed).toList();
    }

    private static void row(StringBuilder html, String key, String value) {
        html.append("<tr><th>").append(Html.escape(key)).append("</th><td>").append(Html.escape(value))
                .append("</td></tr>");
    }

    private static void figure(StringBuilder html, String svg, String caption) {
        if (svg == null) {
            html.append(p("note", "No passing run to plot: " + Html.escape(caption)));
            return;
        }
        html.append("<figure>").append(svg).append("<figcaption>").append(Html.escape(caption))
                .append("</figcaption></figure>");
    }

    private static String p(String cssClass, String innerHtml) {
        return "<p class=\"" + cssClass + "\">" + innerHtml + "</p>";
    }
}
