package dev.txlab.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One CSV row per measurement (closed-loop callers or open-loop load) of every implementation, for
 * spreadsheets: those of the comparison's orders model, then those of each other orders model it
 * compared beside (their first pass), each row naming its model.
 */
public final class CsvReport {
    private static final String HEADER = "implementation,orders_model,network,passed,kind,callers_or_workers,"
            + "offered_orders_per_s,throughput_orders_per_s_mean,throughput_orders_per_s_sd,runs,"
            + "outcome_ms_p50,outcome_ms_p99,ack_ms_p50,ack_ms_p99,samples";

    private final Results results;

    public CsvReport(Results results) {
        this.results = results;
    }

    public String render() {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        addRows(lines, results.ordersModel(), results.implementations());
        results.otherOrdersModels().forEach(other -> addRows(lines, other.ordersModel(), other.implementations()));
        return String.join("\n", lines) + "\n";
    }

    private static void addRows(List<String> lines, String ordersModel, List<ImplementationResult> implementations) {
        for (ImplementationResult r : implementations) {
            r.throughput().forEach(t -> lines.add(String.format(Locale.ROOT, "%s,%s,%s,%s,closed,%d,,%.3f,%.3f,%d,"
                            + "%.3f,%.3f,%.3f,%.3f,%d", r.implementation(), ordersModel, r.network(), r.passed(),
                    t.threads(), t.mean(), t.stdDev(), t.iterations().size(), t.outcome().p50(), t.outcome().p99(),
                    t.ack().p50(), t.ack().p99(), t.outcome().count())));
            r.load().forEach(l -> lines.add(String.format(Locale.ROOT, "%s,%s,%s,%s,open,%d,%.3f,%.3f,,1,%.3f,%.3f,"
                            + "%.3f,%.3f,%d", r.implementation(), ordersModel, r.network(), r.passed(), l.workers(),
                    l.offered(), l.achieved(), l.outcome().p50(), l.outcome().p99(), l.ack().p50(), l.ack().p99(),
                    l.outcome().count())));
        }
    }
}
