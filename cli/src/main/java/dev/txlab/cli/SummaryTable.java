package dev.txlab.cli;

import dev.txlab.report.Figures;
import dev.txlab.report.ImplementationResult;
import dev.txlab.report.Results;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The comparison's answer on the terminal: one row per implementation and network, every figure with unit and spread. */
final class SummaryTable {
    private static final List<String> HEADER = List.of("implementation", "network", "max throughput",
            "vs baseline", "ceiling (CPU)", "outcome latency (open loop)", "ack latency", "msgs/order", "round trips/order", "audit");

    private final PrintStream out;

    SummaryTable(PrintStream out) {
        this.out = out;
    }

    void print(Results results) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (ImplementationResult r : results.implementations()) {
            if (!r.passed()) {
                rows.add(List.of(r.implementation(), r.network(), "-", "-", "-", "-", "-", "-", "-", Figures.audit(r)));
                continue;
            }
            List<ImplementationResult> peers = results.at(r.network());
            rows.add(List.of(Figures.implementation(r), r.network(),
                    r.maxThroughput().map(Figures::throughput).orElse("-"),
                    Figures.ratioToBaseline(r, peers).map(x -> String.format(Locale.ROOT, "%.2f x", x)).orElse("-"),
                    Figures.ceiling(r),
                    Figures.statedLoad(r).map(l -> Figures.latency(l.outcome())
                            + String.format(Locale.ROOT, " at %.1f/s", l.offered())).orElse("-"),
                    Figures.statedLoad(r).map(l -> Figures.latency(l.ack())).orElse("-"),
                    r.cost() == null ? "-" : Figures.perOrder(r.cost().messagesPublished()),
                    r.cost() == null ? "-" : Figures.perOrder(r.cost().roundTrips()),
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
        out.println("throughput: closed loop, mean ± standard deviation over the timed iterations; latency: open loop "
                + "from each order's intended start, p50 / p99 in ms over n orders; costs: mean per order; ceiling: cores / the "
                + "machine CPU an order's round trips, commits, XA branches and deliveries cost as primitives measured "
                + "alone (an upper bound; the report's method section shows its sum)");
        if (!results.allPassed()) {
            out.println("FAILED: at least one run failed its audit or did not place its orders; its figures are not results (see the report)");
        }
    }
}
