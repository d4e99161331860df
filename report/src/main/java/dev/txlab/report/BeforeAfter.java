package dev.txlab.report;

import dev.txlab.report.ImplementationResult.ThroughputPoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Two result files side by side: per implementation and network, the headline figures before and after, and the change. */
final class BeforeAfter {
    private final Results before;
    private final Results after;

    BeforeAfter(Results before, Results after) {
        this.before = before;
        this.after = after;
    }

    private String measuredDifferently() {
        List<String> differences = after.differencesFrom(before);
        return differences.isEmpty() ? "" : Html.escape(" Measured differently (shown with --force), so a change may "
                + "not be the code's: " + String.join("; ", differences) + ".");
    }

    /** One row per implementation and network found in both files. */
    List<List<String>> rows() {
        List<List<String>> rows = new ArrayList<>();
        for (ImplementationResult now : after.implementations()) {
            Optional<ImplementationResult> then = before.implementations().stream()
                    .filter(r -> r.implementation().equals(now.implementation()) && r.network().equals(now.network()))
                    .findFirst();
            if (then.isEmpty()) {
                continue;
            }
            Optional<Double> thenTput = then.get().maxThroughput().map(ThroughputPoint::mean);
            Optional<Double> nowTput = now.maxThroughput().map(ThroughputPoint::mean);
            Optional<Double> thenP99 = Figures.statedLoad(then.get()).map(l -> l.outcome().p99());
            Optional<Double> nowP99 = Figures.statedLoad(now).map(l -> l.outcome().p99());
            rows.add(List.of(now.implementation(), now.network(),
                    then.get().maxThroughput().map(Figures::throughput).orElse("-"),
                    now.maxThroughput().map(Figures::throughput).orElse("-"), change(thenTput, nowTput),
                    significance(then.get(), now),
                    thenP99.map(Figures::millis).orElse("-"), nowP99.map(Figures::millis).orElse("-"),
                    change(thenP99, nowP99),
                    (then.get().passed() ? "passed" : "FAILED") + " / " + (now.passed() ? "passed" : "FAILED")));
        }
        return rows;
    }

    static List<String> header() {
        return List.of("implementation", "network", "max throughput before", "after", "change", "significant?",
                "outcome p99 before, ms", "after, ms", "change", "audit before / after");
    }

    String html() {
        StringBuilder html = new StringBuilder("<h2 id=\"before-after\">Before and after</h2><p class=\"note\">Before: "
                + Html.escape(before.method().startedAt() + ", commit " + before.method().gitCommit()) + ". After: "
                + Html.escape(after.method().startedAt() + ", commit " + after.method().gitCommit())
                + ". A change is significant when the 95 % bootstrap interval of after / before (closed-loop "
                + "throughput, within each run) excludes 1." + measuredDifferently() + "</p><table><tr>");
        header().forEach(h -> html.append("<th>").append(Html.escape(h)).append("</th>"));
        html.append("</tr>");
        for (List<String> row : rows()) {
            html.append("<tr>");
            row.forEach(cell -> html.append("<td>").append(Html.escape(cell)).append("</td>"));
            html.append("</tr>");
        }
        return html.append("</table>").toString();
    }

    /** Whether the closed-loop throughput changed beyond its spread: the 95 % interval of after / before excludes 1. */
    private static String significance(ImplementationResult then, ImplementationResult now) {
        if (then.maxThroughput().isEmpty() || now.maxThroughput().isEmpty()) {
            return "-";
        }
        return Bootstrap.ratioOfMeans(now.maxThroughput().get().iterations(), then.maxThroughput().get().iterations())
                .map(i -> String.format(Locale.ROOT, "%s (after / before %.2f-%.2f)", i.excludes(1) ? "yes" : "no",
                        i.low(), i.high()))
                .orElse("unknown (fewer than 2 iterations)");
    }

    private static String change(Optional<Double> then, Optional<Double> now) {
        if (then.isEmpty() || now.isEmpty() || then.get() == 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "%+.1f%%", 100 * (now.get() - then.get()) / then.get());
    }
}
