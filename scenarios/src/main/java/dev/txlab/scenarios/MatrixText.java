package dev.txlab.scenarios;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The matrix as text: a fixed-width table for the terminal and a Markdown table. A cell reads
 * {@code pass (2.3 s, batch 3.1/14)}, {@code fail} or {@code n/a} ({@link #LEGEND}); the word "fail"
 * appears only in a failing cell.
 */
public final class MatrixText {
    /** What a cell's brackets say. */
    public static final String LEGEND = "In brackets: seconds from the start of recovery until the audit passed; "
            + "\"batch m/x\": the sagas' consumer batches in that run (before a halt and in recovery), the mean and "
            + "the largest number of deliveries handled in one local transaction (a saga cell needs a mean of at "
            + "least " + BatchesFormed.MIN_MEAN + " to pass).";
    private MatrixText() {
    }

    public static String terminal(FaultMatrix matrix) {
        List<List<String>> rows = rows(matrix);
        int[] widths = new int[rows.get(0).size()];
        rows.forEach(row -> {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        });
        StringBuilder text = new StringBuilder();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(String.format("%-" + widths[i] + "s", row.get(i))).append("  ");
            }
            text.append(line.toString().stripTrailing()).append('\n');
        }
        return text.toString();
    }

    /** The isolation probe's anomaly counts per implementation, then one example each. */
    public static String anomalies(FaultMatrix matrix) {
        if (matrix.anomalies().isEmpty() && matrix.anomalyExamples().isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder("isolation probe (readers during a hot-product run; counts of reads):\n");
        matrix.anomalyExamples().forEach((implementation, example) -> {
            Map<String, Long> counts = matrix.anomalies().getOrDefault(implementation, Map.of());
            text.append("  ").append(implementation).append(": ").append(counts.entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))).append('\n');
            text.append("    ").append(example).append('\n');
        });
        return text.toString();
    }

    public static String markdown(FaultMatrix matrix) {
        List<List<String>> rows = rows(matrix);
        StringBuilder md = new StringBuilder("# Fault matrix (store " + matrix.store() + ", suite "
                + matrix.suite() + ")\n\n");
        md.append("| ").append(String.join(" | ", rows.get(0))).append(" |\n|");
        rows.get(0).forEach(h -> md.append("---|"));
        md.append('\n');
        rows.subList(1, rows.size()).forEach(row -> md.append("| ").append(String.join(" | ", row)).append(" |\n"));
        md.append("\n").append(LEGEND).append("\n\n");
        String anomalies = anomalies(matrix);
        if (!anomalies.isEmpty()) {
            md.append("## Isolation probe\n\n```\n").append(anomalies).append("```\n\n");
        }
        md.append("## Evidence\n\n");
        for (FaultMatrix.Row row : matrix.scenarios()) {
            md.append("- **").append(row.id()).append("**: ").append(row.description()).append('\n');
            row.cells().forEach((implementation, cell) -> {
                if (!cell.evidence().isEmpty()) {
                    md.append("  - ").append(implementation).append(": ").append(cell.result()).append(" — ")
                            .append(cell.evidence())
                            .append(cell.batches() == null ? "" : "; " + cell.batches().describe()).append('\n');
                }
            });
        }
        return md.toString();
    }

    /** A cell's text: its result, then in brackets its recovery time and its batches, where it has them. */
    public static String cell(FaultMatrix.Cell cell) {
        List<String> notes = new ArrayList<>();
        if (cell.recoverySeconds() != null) {
            notes.add(String.format(Locale.ROOT, "%.1f s", cell.recoverySeconds()));
        }
        if (cell.batches() != null) {
            notes.add(String.format(Locale.ROOT, "batch %.1f/%d", cell.batches().mean(), cell.batches().largest()));
        }
        return notes.isEmpty() ? cell.result() : cell.result() + " (" + String.join(", ", notes) + ")";
    }

    private static List<List<String>> rows(FaultMatrix matrix) {
        List<String> implementations = matrix.scenarios().stream().flatMap(row -> row.cells().keySet().stream())
                .distinct().toList();
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("scenario"));
        header.addAll(implementations);
        rows.add(header);
        for (FaultMatrix.Row row : matrix.scenarios()) {
            List<String> cells = new ArrayList<>(List.of(row.id()));
            implementations.forEach(id -> cells.add(row.cells().containsKey(id) ? cell(row.cells().get(id)) : "n/a"));
            rows.add(cells);
        }
        return rows;
    }
}
