package dev.txlab.report;

import dev.txlab.scenarios.FaultMatrix;
import dev.txlab.scenarios.MatrixText;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A fault matrix in the report: the comparison's own evidence (one crash and the isolation probe per
 * implementation) or the full matrix {@code txlab faults} wrote beside the results ({@code faults.json}).
 */
final class FaultSection {
    private final FaultMatrix matrix;

    FaultSection(FaultMatrix matrix) {
        this.matrix = matrix;
    }

    FaultMatrix matrix() {
        return matrix;
    }

    /** One line for the answer table: how many scenarios passed and the longest time to consistency. */
    String leftBehind(String implementation) {
        List<FaultMatrix.Cell> cells = cellsOf(implementation).stream().map(Map.Entry::getValue).toList();
        if (cells.isEmpty()) {
            return "no applicable scenario";
        }
        long passed = cells.stream().filter(FaultMatrix.Cell::passed).count();
        double longest = cells.stream().filter(cell -> cell.recoverySeconds() != null)
                .mapToDouble(FaultMatrix.Cell::recoverySeconds).max().orElse(0);
        return passed + " of " + cells.size() + " scenarios pass; consistent again within "
                + String.format(Locale.ROOT, "%.1f s", longest) + " after a crash";
    }

    /** The implementation's one crash in this matrix (the comparison runs one each), if it ran one. */
    Optional<String> oneCrash(String implementation) {
        return cellsOf(implementation).stream().findFirst().map(e -> Evidence.oneCrash(e.getKey(), e.getValue()));
    }

    /** What the probe's readers saw, if this matrix probed the implementation. */
    Optional<String> probed(String implementation) {
        return Optional.ofNullable(matrix.anomalies().get(implementation)).map(Evidence::counts)
                .or(() -> Optional.ofNullable(matrix.anomalyExamples().get(implementation)).map(why -> "not measured: "
                        + why));
    }

    private List<Map.Entry<String, FaultMatrix.Cell>> cellsOf(String implementation) {
        return matrix.scenarios().stream().filter(row -> row.cells().containsKey(implementation))
                .map(row -> Map.entry(row.id(), row.cells().get(implementation)))
                .filter(e -> !e.getValue().result().equals(FaultMatrix.Cell.NOT_APPLICABLE)).toList();
    }

    String html() {
        if (matrix.scenarios().isEmpty()) {
            return "<p class=\"note\">No crash scenario ran (" + Html.escape(matrix.suite()) + ").</p>";
        }
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
        if (matrix.anomalyExamples().isEmpty()) {
            return "<p class=\"note\">The isolation probe did not run here.</p>";
        }
        StringBuilder table = new StringBuilder("<table><tr><th>implementation</th><th>anomalies</th><th>example</th>"
                + "</tr>");
        matrix.anomalyExamples().keySet().forEach(id -> table.append("<tr><td>").append(Html.escape(id))
                .append("</td><td>").append(Html.escape(probed(id).orElse(""))).append("</td><td>")
                .append(Html.escape(matrix.anomalyExamples().getOrDefault(id, ""))).append("</td></tr>"));
        return table.append("</table>").toString();
    }
}
