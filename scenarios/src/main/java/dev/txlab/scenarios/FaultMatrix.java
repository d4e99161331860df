package dev.txlab.scenarios;

import dev.txlab.harness.cost.MessageCounts;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
     * audit passed (null when nothing had to recover); the sagas' consumer batches (null for the
     * others, and for a cell that never ran its implementation).
     */
    public record Cell(String result, String evidence, Double recoverySeconds, Batches batches) {
        public static final String PASS = "pass";
        public static final String FAIL = "fail";
        public static final String NOT_APPLICABLE = "n/a";

        public static Cell pass(String evidence, Double recoverySeconds) {
            return new Cell(PASS, evidence, recoverySeconds, null);
        }

        public static Cell fail(String evidence) {
            return new Cell(FAIL, evidence, null, null);
        }

        public static Cell notApplicable(String reason) {
            return new Cell(NOT_APPLICABLE, reason, null, null);
        }

        /** This cell with the batches its run's consumers formed (none when no consumer transaction was counted). */
        public Cell withBatches(MessageCounts counts) {
            return new Cell(result, evidence, recoverySeconds, counts.batches() == 0 ? null : Batches.of(counts));
        }

        public boolean failed() {
            return FAIL.equals(result);
        }

        public boolean passed() {
            return PASS.equals(result);
        }
    }

    /**
     * The consumers' batches of a saga cell's run (before a halt and in recovery): the local
     * transactions that handled deliveries, the deliveries they handled, and the most one held.
     */
    public record Batches(long transactions, long deliveries, long largest) {
        public static Batches of(MessageCounts counts) {
            return new Batches(counts.batches(), counts.batchedDeliveries(), counts.largestBatch());
        }

        /** Deliveries per consumer transaction, on average (0 when there was none). */
        public double mean() {
            return transactions == 0 ? 0 : (double) deliveries / transactions;
        }

        public String describe() {
            return String.format(Locale.ROOT, "batches: mean %.2f deliveries per consumer transaction, largest %d "
                    + "(%d transactions)", mean(), largest, transactions);
        }
    }

    /** How many cells failed. */
    public long failures() {
        return scenarios.stream().flatMap(row -> row.cells().values().stream()).filter(Cell::failed).count();
    }
}
