package dev.txlab.report;

import dev.txlab.scenarios.FaultMatrix;
import dev.txlab.scenarios.MatrixText;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The report's failure-behaviour and readers sections, and the answer table's cells, from {@code faults.json}. */
final class FaultSection {
    static final String NO_MATRIX = "not measured: no fault matrix";
    static final String NO_PROBE = "not measured: no isolation probe";

    private final FaultMatrix matrix;

    FaultSection(FaultMatrix matrix) {
        this.matrix = matrix;
    }

    /** The verdict on one network's results, with this matrix's evidence when there is one. */
    static Verdict verdict(List<ImplementationResult> rows, Optional<FaultSection> faults) {
        return new Verdict(rows, id -> faults.map(f -> f.leftBehind(id)).orElse(NO_MATRIX),
                id -> faults.map(f -> f.anomalies(id)).orElse(NO_PROBE));
    }

    /** One line for the answer table: how many scenarios passed and the longest time to consistency. */
    String leftBehind(String implementation) {
        List<FaultMatrix.Cell> cells = matrix.scenarios().stream().map(row -> row.cells().get(implementation))
                .filter(cell -> cell != null && !cell.result().equals(FaultMatrix.Cell.NOT_APPLICABLE)).toList();
        if (cells.isEmpty()) {
            return "no applicable scenario";
        }
        long passed = cells.stream().filter(cell -> cell.result().equals(FaultMatrix.Cell.PASS)).count();
        double longest = cells.stream().filter(cell -> cell.recoverySeconds() != null)
                .mapToDouble(FaultMatrix.Cell::recoverySeconds).max().orElse(0);
        return passed + " of " + cells.size() + " scenarios pass; consistent again within "
                + String.format(Locale.ROOT, "%.1f s", longest) + " after a crash";
    }

    String anomalies(String implementation) {
        Map<String, Long> counts = matrix.anomalies().get(implementation);
        if (counts == null) {
            return "not probed";
        }
        if (counts.isEmpty()) {
            return "none seen";
        }
        return counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    String html() {
        List<String> implementations = matrix.scenarios().stream().flatMap(row -> row.cells().keySet().stream())
                .distinct().toList();
        StringBuilder table = new StringBuilder("<p class=\"note\">Store " + Html.escape(matrix.store()) + ", suite "
                + Html.escape(matrix.suite()) + ". " + Html.escape(MatrixText.LEGEND) + " Hover a cell for its "
                + "evidence.</p><table><tr><th>scenario</th>");
        implementations.forEach(id -> table.append("<th>").append(Html.escape(id)).append("</th>"));
        table.append("</tr>");
        for (FaultMatrix.Row row : matrix.scenarios()) {
            table.append("<tr><td title=\"").append(Html.escape(row.description())).append("\">")
                    .append(Html.escape(row.id())).append("</td>");
            for (String id : implementations) {
                FaultMatrix.Cell cell = row.cells().get(id);
                String text = cell == null ? FaultMatrix.Cell.NOT_APPLICABLE : MatrixText.cell(cell);
                table.append("<td").append(cell != null && cell.failed() ? " class=\"failed\"" : "")
                        .append(" title=\"").append(Html.escape(cell == null ? "" : cell.evidence())).append("\">")
                        .append(Html.escape(text)).append("</td>");
            }
            table.append("</tr>");
        }
        return table.append("</table>").toString();
    }

    String anomaliesHtml() {
        if (matrix.anomalies().isEmpty()) {
            return "<p class=\"note\">The isolation probe has not run: no anomaly counts in faults.json.</p>";
        }
        StringBuilder table = new StringBuilder("<table><tr><th>implementation</th><th>anomalies</th><th>example</th>"
                + "</tr>");
        matrix.anomalies().keySet().stream().sorted().forEach(id -> table.append("<tr><td>").append(Html.escape(id))
                .append("</td><td>").append(Html.escape(anomalies(id))).append("</td><td>")
                .append(Html.escape(matrix.anomalyExamples().getOrDefault(id, ""))).append("</td></tr>"));
        return table.append("</table>").toString();
    }
}
