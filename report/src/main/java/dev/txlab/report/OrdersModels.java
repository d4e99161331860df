package dev.txlab.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The orders models side by side ({@code txlab compare --orders-model state,event-sourced}): for each
 * implementation, one row per model with its max sustainable rate, closed-loop throughput, round trips,
 * commits and bytes written per order, each from that model's first pass at the first network.
 */
final class OrdersModels {
    static final List<String> HEADER = List.of("implementation", "orders model", "max sustainable rate",
            "closed-loop throughput, orders/s", "round trips per order", "commits per order",
            "bytes written per order");

    private OrdersModels() {
    }

    /** Whether the comparison ran more than one orders model. */
    static boolean shown(Results results) {
        return !results.otherOrdersModels().isEmpty();
    }

    /** What the bytes are, from the runs that measured them. */
    static String bytesMeasured(Results results) {
        return allRuns(results).stream().map(ImplementationResult::cost).filter(cost -> cost != null
                && cost.bytesWrittenHow() != null && !cost.bytesWrittenHow().isEmpty())
                .map(ImplementationResult.Cost::bytesWrittenHow).distinct().findFirst()
                .orElse("not measured");
    }

    static List<List<String>> rows(Results results) {
        String network = results.otherOrdersModels().stream().flatMap(run -> run.implementations().stream())
                .map(ImplementationResult::network).findFirst().orElse("none");
        List<List<String>> rows = new ArrayList<>();
        for (ImplementationResult first : results.at(network)) {
            rows.add(row(first, results.ordersModel()));
            for (Results.OrdersModelRun other : results.otherOrdersModels()) {
                other.implementations().stream().filter(r -> r.implementation().equals(first.implementation()))
                        .findFirst().ifPresent(r -> rows.add(row(r, other.ordersModel())));
            }
        }
        return rows;
    }

    private static List<ImplementationResult> allRuns(Results results) {
        List<ImplementationResult> all = new ArrayList<>(results.implementations());
        results.otherOrdersModels().forEach(run -> all.addAll(run.implementations()));
        return all;
    }

    private static List<String> row(ImplementationResult result, String model) {
        if (!result.passed() || result.cost() == null) {
            return List.of(result.implementation(), model, "failed: " + (result.error() != null ? result.error()
                    : result.audit()), "", "", "", "");
        }
        ImplementationResult.Cost cost = result.cost();
        boolean quick = result.maxRate() != null && result.maxRate().quick();
        return List.of(result.implementation(), model, result.headlineRate().map(rate -> String.format(Locale.ROOT,
                        "%.0f orders/s", rate) + (quick ? " (quick, not the max sustainable rate)" : ""))
                        .orElse("not measured"),
                result.maxThroughput().map(point -> String.format(Locale.ROOT, "%.1f", point.mean())).orElse("-"),
                Figures.perOrder(cost.roundTrips()), Figures.perOrder(cost.commits() + cost.xaCommits()),
                cost.bytesWrittenPerOrder() == null ? "not measured"
                        : String.format(Locale.ROOT, "%,.0f", cost.bytesWrittenPerOrder()));
    }
}
