package dev.txlab.report;

import dev.txlab.harness.readmodel.ReadModelLag;
import dev.txlab.report.ImplementationResult.LoadPoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The read models' lag of event-sourced orders, per implementation and open-loop load of the second
 * pass (from each append's commit until the projection made it visible): at the common load all are
 * offered the same rate, so their lags compare.
 */
final class ReadModelLags {
    static final List<String> HEADER = List.of("implementation", "network", "load", "read-model lag, ms",
            "events timed");
    static final String METHOD = "Read-model lag: from the moment an append's commit returned (a local commit, or "
            + "the orders branch's XA commit) until the projection's commit that made the event visible in the read "
            + "models returned, per event, over each open-loop phase of the second pass (one run each).";

    private ReadModelLags() {
    }

    /** Whether any open loop measured a lag (an event-sourced comparison). */
    static boolean shown(Results results) {
        return results.implementations().stream().flatMap(r -> r.load().stream())
                .anyMatch(load -> load.readModelLag() != null);
    }

    static List<List<String>> rows(Results results) {
        List<List<String>> rows = new ArrayList<>();
        for (ImplementationResult result : results.implementations()) {
            for (LoadPoint load : result.load()) {
                ReadModelLag.Summary lag = load.readModelLag();
                if (lag != null) {
                    rows.add(List.of(result.implementation(), result.network(),
                            load.label() + ": " + Figures.load(load),
                            String.format(Locale.ROOT, "p50 %s / p99 %s / max %s", Figures.millis(lag.p50Ms()),
                                    Figures.millis(lag.p99Ms()), Figures.millis(lag.maxMs())),
                            String.format(Locale.ROOT, "%,d", lag.timed())));
                }
            }
        }
        return rows;
    }
}
