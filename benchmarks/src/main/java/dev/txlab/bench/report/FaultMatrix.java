package dev.txlab.bench.report;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The failure-injection results written by {@code txlab faults} as {@code faults.json} beside the
 * comparison's results: per scenario and implementation a result (pass, fail, n/a) with its
 * evidence and time to consistency, and per implementation the anomalies concurrent readers saw.
 */
public record FaultMatrix(List<Scenario> scenarios, Map<String, Map<String, Long>> anomalies,
                          Map<String, String> anomalyExamples) {

    public FaultMatrix {
        scenarios = List.copyOf(scenarios);
        anomalies = Map.copyOf(anomalies);
        anomalyExamples = Map.copyOf(anomalyExamples);
    }

    public record Scenario(String id, String description, Map<String, Cell> cells) {
        public Scenario {
            cells = Map.copyOf(cells);
        }
    }

    /** One scenario on one implementation: pass, fail or n/a; what showed it; seconds until consistent again. */
    public record Cell(String result, String evidence, Double recoverySeconds) {
    }

    /** One line for the answer table: how many scenarios passed and the longest time to consistency. */
    String leftBehind(String implementation) {
        List<Cell> cells = scenarios.stream().map(s -> s.cells().get(implementation))
                .filter(cell -> cell != null && !cell.result().equals("n/a")).toList();
        if (cells.isEmpty()) {
            return "no applicable scenario";
        }
        long passed = cells.stream().filter(cell -> cell.result().equals("pass")).count();
        double longest = cells.stream().filter(cell -> cell.recoverySeconds() != null)
                .mapToDouble(Cell::recoverySeconds).max().orElse(0);
        return passed + " of " + cells.size() + " scenarios pass; consistent again within "
                + String.format(java.util.Locale.ROOT, "%.1f s", longest);
    }

    String anomalies(String implementation) {
        Map<String, Long> counts = anomalies.getOrDefault(implementation, Map.of());
        if (counts.isEmpty()) {
            return "none seen";
        }
        return counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    String html() {
        List<String> implementations = scenarios.stream().flatMap(s -> s.cells().keySet().stream()).distinct().sorted()
                .toList();
        StringBuilder table = new StringBuilder("<table><tr><th>scenario</th>");
        implementations.forEach(id -> table.append("<th>").append(Html.escape(id)).append("</th>"));
        table.append("</tr>");
        for (Scenario scenario : scenarios) {
            table.append("<tr><td title=\"").append(Html.escape(scenario.description())).append("\">")
                    .append(Html.escape(scenario.id())).append("</td>");
            for (String id : implementations) {
                Cell cell = scenario.cells().get(id);
                String text = cell == null ? "n/a" : cell.result() + (cell.recoverySeconds() == null ? ""
                        : String.format(java.util.Locale.ROOT, " (%.1f s)", cell.recoverySeconds()));
                table.append("<td").append(cell != null && cell.result().equals("fail") ? " class=\"failed\"" : "")
                        .append(" title=\"").append(Html.escape(cell == null ? "" : cell.evidence())).append("\">")
                        .append(Html.escape(text)).append("</td>");
            }
            table.append("</tr>");
        }
        return table.append("</table>").toString();
    }

    String anomaliesHtml() {
        StringBuilder table = new StringBuilder("<table><tr><th>implementation</th><th>anomalies</th><th>example</th>"
                + "</tr>");
        anomalies.forEach((id, counts) -> table.append("<tr><td>").append(Html.escape(id)).append("</td><td>")
                .append(Html.escape(anomalies(id))).append("</td><td>")
                .append(Html.escape(anomalyExamples.getOrDefault(id, ""))).append("</td></tr>"));
        return table.append("</table>").toString();
    }
}
