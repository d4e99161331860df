package dev.txlab.report;

import dev.txlab.report.ImplementationResult.Cost;
import dev.txlab.report.ImplementationResult.LoadPoint;
import dev.txlab.scenarios.FaultMatrix;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The report's content as Markdown ({@code summary.md}): the same tables as the HTML, without the charts. */
public final class MarkdownReport {
    private final Results results;
    private final Optional<Results> before;
    private final Evidence evidence;

    public MarkdownReport(Results results, Optional<Results> before) {
        this(results, before, Optional.empty());
    }

    public MarkdownReport(Results results, Optional<Results> before, Optional<FaultMatrix> faults) {
        this.results = results;
        this.before = before;
        this.evidence = new Evidence(results, faults);
    }

    public String render() {
        Method method = results.method();
        StringBuilder md = new StringBuilder("# txlab comparison\n\n");
        md.append("Durability profile: **").append(method.durability()).append("**. ")
                .append(String.join(" ", method.durabilityNotes())).append("\n\n");
        md.append(method.sweepExplained()).append(". Store ").append(method.store()).append(", transport ")
                .append(method.transport()).append(", ").append(results.modelsKept()).append(", ")
                .append(method.startedAt()).append(", commit ")
                .append(method.gitCommit()).append(".\n\n");
        md.append(results.allPassed() ? "Every run passed its audit.\n\n"
                : "**FAILED**: at least one run failed its audit or did not place its orders; its figures are not results.\n\n");
        List<String> warnings = Trust.warnings(results);
        if (!warnings.isEmpty()) {
            md.append("**Read these figures with care:**\n\n");
            warnings.forEach(w -> md.append("- ").append(w).append('\n'));
            md.append('\n');
        }
        for (String network : results.networks()) {
            md.append("## The answer (network ").append(network).append(")\n\n");
            Verdict verdict = evidence.verdict(results.at(network));
            verdict.implementations().forEach(sentence -> md.append("- ").append(sentence).append('\n'));
            md.append('\n');
            verdict.trades().forEach(sentence -> md.append("- ").append(sentence).append('\n'));
            md.append('\n').append(Verdict.thresholds()).append("\n\n");
            table(md, List.of("implementation", "guarantee", "max sustainable rate; ceiling (CPU or forced writes); "
                            + "run to run",
                    "closed-loop throughput [95 % interval within one run]; ratio to local-baseline",
                    "outcome latency at the common load", "outcome latency at 70 % of own max", "messages per order",
                    "round trips per order", "commits per order", "forced writes per order",
                    "what a crash leaves behind (one crash; the full matrix: txlab faults)", "anomalies readers saw",
                    "audit"), results.at(network).stream().map(r -> answerRow(r, results.at(network))).toList());
        }
        md.append("## Throughput vs concurrency\n\n");
        table(md, List.of("implementation", "network", "callers", "orders/s, mean ± sd", "iterations", "outcome latency"),
                results.implementations().stream().flatMap(r -> r.throughput().stream().map(t -> List.of(
                        r.implementation(), r.network(), String.valueOf(t.threads()),
                        String.format(Locale.ROOT, "%.1f ± %.1f", t.mean(), t.stdDev()),
                        String.valueOf(t.iterations().size()), Figures.latency(t.outcome())))).toList());
        md.append("## Latency at fixed offered load (open loop)\n\n");
        table(md, List.of("implementation", "network", "load", "outcome latency", "ack latency"),
                results.implementations().stream().flatMap(r -> r.load().stream().map(l -> List.of(
                        r.implementation(), r.network(), Figures.load(l), Figures.latency(l.outcome()),
                        Figures.latency(l.ack())))).toList());
        if (ReadModelLags.shown(results)) {
            md.append("## Read-model lag (event-sourced orders)\n\n");
            table(md, ReadModelLags.HEADER, ReadModelLags.rows(results));
            md.append(ReadModelLags.METHOD).append("\n\n");
        }
        md.append("## Cost per order (mean over every order of the run)\n\n");
        table(md, List.of("implementation", "network", "orders", "round trips", "statements", "commits",
                        "rollbacks", "connection checks", "XA prepares", "XA commits", "other XA calls", "messages published",
                        "messages delivered", "bytes written"),
                results.implementations().stream().filter(r -> r.cost() != null).map(r -> costRow(r)).toList());
        md.append(Figures.FORCED_WRITES_METHOD).append("\n\n");
        if (OrdersModels.shown(results)) {
            md.append("## Orders models side by side\n\n");
            table(md, OrdersModels.HEADER, OrdersModels.rows(results));
            md.append("Bytes: ").append(OrdersModels.bytesMeasured(results)).append(".\n\n");
        }
        md.append("## Outcomes\n\n");
        table(md, List.of("implementation", "network", "outcomes (orders)"), results.implementations().stream()
                .map(r -> List.of(r.implementation(), r.network(), new java.util.TreeMap<>(r.outcomes()).toString()))
                .toList());
        before.ifPresent(earlier -> {
            md.append("## Before and after\n\n");
            List<String> differences = results.differencesFrom(earlier);
            if (!differences.isEmpty()) {
                md.append("Measured differently (shown with --force), so a change may not be the code's: ")
                        .append(String.join("; ", differences)).append(".\n\n");
            }
            BeforeAfter comparison = new BeforeAfter(earlier, results);
            table(md, BeforeAfter.header(), comparison.rows());
        });
        md.append("## Method and environment\n\n");
        Method.Environment env = method.environment();
        table(md, List.of("what", "value"), List.of(
                List.of("command", method.command()), List.of("git commit", method.gitCommit()),
                List.of("store", method.store()), List.of("durability", method.durability()),
                List.of("transport", method.transport()), List.of("workload", method.workload()),
                List.of("seed", String.valueOf(method.seed())), List.of("network model", method.networkModel()),
                List.of("CPU", env.cpu() + ", " + env.cores() + " cores"),
                List.of("memory", String.format(Locale.ROOT, "%.1f GiB", env.memoryBytes() / (1024.0 * 1024 * 1024))),
                List.of("OS", env.os()), List.of("JVM", env.jvm()),
                List.of("databases", env.databases().toString()), List.of("brokers", env.brokers().toString())));
        if (!method.primitives().isEmpty()) {
            md.append("\n");
            table(md, List.of("primitive (measured alone)", "on", "operations/s and machine CPU per operation"),
                    method.primitives().stream().map(p -> List.of(p.primitive(), p.on(), Figures.primitive(p))).toList());
        }
        return md.toString();
    }

    private List<String> answerRow(ImplementationResult r, List<ImplementationResult> peers) {
        if (!r.passed()) {
            return List.of(r.implementation(), r.guarantee(), "-", "-", "-", "-", "-", "-", "-", "-", "-", "-",
                    Figures.audit(r));
        }
        Optional<LoadPoint> common = Figures.commonLoad(r);
        Optional<Cost> cost = Optional.ofNullable(r.cost());
        return List.of(Figures.implementation(r), r.guarantee(), Figures.maxRate(r) + "; ceiling " + Figures.ceiling(r)
                        + results.runToRun(r).map(each -> "; " + each.describe()).orElse(""),
                Figures.closedLoop(r, peers), common.map(Figures::latencyAt).orElse("-"),
                Figures.ownLoad(r).map(Figures::latencyAt).orElse("-"),
                cost.map(c -> Figures.perOrder(c.messagesPublished()) + " published").orElse("-"),
                cost.map(c -> Figures.perOrder(c.roundTrips())).orElse("-"),
                cost.map(c -> Figures.perOrder(Figures.commits(c))).orElse("-"), Figures.forcedWrites(r),
                evidence.crashCell(r.implementation()), evidence.readers(r.implementation()), Figures.audit(r));
    }

    private static List<String> costRow(ImplementationResult r) {
        Cost c = r.cost();
        return List.of(r.implementation(), r.network(), String.valueOf(c.orders()), Figures.perOrder(c.roundTrips()),
                Figures.perOrder(c.statements()), Figures.perOrder(c.commits()), Figures.perOrder(c.rollbacks()),
                Figures.perOrder(c.connectionChecks()), Figures.perOrder(c.xaPrepares()), Figures.perOrder(c.xaCommits()), Figures.perOrder(c.xaOther()),
                Figures.perOrder(c.messagesPublished()), Figures.perOrder(c.messagesDelivered()), Figures.bytesWritten(r));
    }

    static void table(StringBuilder md, List<String> header, List<List<String>> rows) {
        md.append("| ").append(String.join(" | ", header)).append(" |\n|");
        header.forEach(h -> md.append("---|"));
        md.append('\n');
        for (List<String> row : rows) {
            md.append("| ").append(String.join(" | ", row.stream().map(cell -> cell.replace("|", "\\|")).toList()))
                    .append(" |\n");
        }
        md.append('\n');
    }
}
