package dev.txlab.cli;

import dev.txlab.report.Evidence;
import dev.txlab.report.Figures;
import dev.txlab.report.ImplementationResult;
import dev.txlab.report.Results;
import dev.txlab.report.Trust;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The comparison's answer on the terminal: one row per implementation and network, every figure with unit and spread. */
final class SummaryTable {
    private static final List<String> HEADER = List.of("implementation", "network", "max sustainable rate",
            "vs baseline", "ceiling", "closed-loop max", "outcome latency at the common load",
            "outcome latency at 70 % of own max", "msgs/order", "round trips/order", "forced writes/order", "audit");

    private final PrintStream out;

    SummaryTable(PrintStream out) {
        this.out = out;
    }

    private static String latencyAt(ImplementationResult.LoadPoint point) {
        return Figures.latency(point.outcome()) + String.format(Locale.ROOT, " at %.1f/s", point.offered());
    }

    void print(Results results) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (ImplementationResult r : results.implementations()) {
            if (!r.passed()) {
                rows.add(List.of(r.implementation(), r.network(), "-", "-", "-", "-", "-", "-", "-", "-", "-",
                        Figures.audit(r)));
                continue;
            }
            List<ImplementationResult> peers = results.at(r.network());
            rows.add(List.of(Figures.implementation(r), r.network(), Figures.maxRate(r),
                    Figures.ratioToBaseline(r, peers).map(x -> String.format(Locale.ROOT, "%.2f x", x)).orElse("-"),
                    Figures.ceiling(r), Figures.closedLoop(r, peers),
                    Figures.commonLoad(r).map(SummaryTable::latencyAt).orElse("-"),
                    Figures.ownLoad(r).map(SummaryTable::latencyAt).orElse("-"),
                    r.cost() == null ? "-" : Figures.perOrder(r.cost().messagesPublished()),
                    r.cost() == null ? "-" : Figures.perOrder(r.cost().roundTrips()),
                    r.forcedWrites() == null || !r.forcedWrites().counted() ? "not counted"
                            : Figures.perOrder(r.forcedWrites().total()),
                    r.auditPassed() ? "passed" : "FAILED"));
        }
        int[] widths = new int[HEADER.size()];
        rows.forEach(row -> {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        });
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(String.format("%-" + widths[i] + "s", row.get(i))).append(i + 1 < row.size() ? "  " : "");
            }
            out.println(line.toString().stripTrailing());
        }
        out.println("max sustainable rate: the highest open-loop rate sustained in the search (its windows, and the "
                + "next rate up with why it was not); vs baseline: that rate over local-baseline's; closed-loop max: "
                + "the best of the ladder, mean over the timed iterations [95 % bootstrap interval within one run] "
                + "and its ratio to local-baseline's [interval]; latency: open loop, "
                + "a fresh run, from each order's intended start, p50 / p99 in ms over n orders, at the common load "
                + "(the same offered rate for all: half the slowest max sustainable rate) and at 70 % of each one's "
                + "own max; costs: mean per order over the first pass; forced writes: fsync and kin per order, counted "
                + "by strace in a window of their own (the report names them by component); ceiling: the lower of "
                + "cores / the machine CPU an order's round trips, commits, XA branches and deliveries cost as "
                + "primitives measured alone, and forced writes per second / forced writes per order (an upper bound;"
                + " the report's method section shows both)");
        Evidence evidence = new Evidence(results, Optional.empty());
        results.implementations().stream().map(ImplementationResult::implementation).distinct().forEach(id ->
                out.println("guarantee evidence, " + id + ": crash: " + evidence.crashCell(id) + "; readers saw: "
                        + evidence.readers(id)));
        results.runToRun().forEach(runs -> out.println("run to run, " + runs.implementation() + " (network "
                + runs.network() + "): " + runs.describe() + "; the table shows the median run"));
        Trust.warnings(results).forEach(warning -> out.println("read with care: " + warning));
        if (!results.allPassed()) {
            out.println("FAILED: a run failed its audit or did not place its orders (its figures are not results), "
                    + "or a crash did not recover to a passing audit (see the report)");
        }
    }
}
