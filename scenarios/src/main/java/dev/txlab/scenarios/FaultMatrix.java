package dev.txlab.scenarios;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The failure-injection results, as written to {@code faults.json} beside a comparison's results:
 * per scenario and implementation a cell (pass, fail, n/a) with its evidence and time to
 * consistency, and per implementation the anomalies concurrent readers saw (empty until the
 * isolation probe runs), with one example each.
 */
public record FaultMatrix(String store, String suite, List<Row> scenarios, Map<String, Map<String, Long>> anomalies,
                          Map<String, String> anomalyExamples) {

    public FaultMatrix {
        scenarios = scenarios == null ? List.of() : List.copyOf(scenarios);
        anomalies = anomalies == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(anomalies));
        anomalyExamples = anomalyExamples == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(anomalyExamples)); // the implementations' order
    }

    /** One scenario of the catalog and its cell per implementation. */
    public record Row(String id, String description, Map<String, Cell> cells) {
        public Row {
            cells = Collections.unmodifiableMap(new LinkedHashMap<>(cells)); // keeps the implementations' order
        }
    }

    /**
     * One scenario on one implementation: {@code pass}, {@code fail} or {@code n/a}; the evidence (what
     * fired, what was pending, what the audit found); seconds from the start of recovery until the
     * audit passed (null when nothing had to recover).
     */
    public record Cell(String result, String evidence, Double recoverySeconds) {
        public static final String PASS = "pass";
        public static final String FAIL = "fail";
        public static final String NOT_APPLICABLE = "n/a";

        public static Cell pass(String evidence, Double recoverySeconds) {
            return new Cell(PASS, evidence, recoverySeconds);
        }

        public static Cell fail(String evidence) {
            return new Cell(FAIL, evidence, null);
        }

        public boolean failed() {
            return FAIL.equals(result);
        }
    }

    /** How many cells failed. */
    public long failures() {
        return scenarios.stream().flatMap(row -> row.cells().values().stream()).filter(Cell::failed).count();
    }
}
