package dev.txlab.report;

import dev.txlab.scenarios.FaultMatrix;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The guarantee evidence behind the answer table and the verdict: the comparison's own (each
 * implementation's isolation probe and one crash, kept in results.json) and, when {@code txlab faults}
 * wrote one beside the results, the full matrix. The comparison's own comes first: it was measured
 * with the figures beside it.
 */
public final class Evidence {
    static final String NO_CRASH = "no crash run";
    static final String NO_PROBE = "not measured: no isolation probe";
    static final String FULL_MATRIX = "the full matrix: txlab faults";

    private final Optional<FaultSection> own;
    private final Optional<FaultSection> full;

    public Evidence(Results results, Optional<FaultMatrix> full) {
        this.own = Optional.ofNullable(results.evidence()).map(FaultSection::new);
        this.full = full.map(FaultSection::new);
    }

    /** The verdict on one network's results, with this evidence. */
    Verdict verdict(java.util.List<ImplementationResult> rows) {
        return new Verdict(rows, this::crash, this::readers);
    }

    /** What one crash left behind, in a few words: the comparison's, else the full matrix's summary. */
    public String crash(String implementation) {
        Optional<String> one = own.flatMap(o -> o.oneCrash(implementation));
        if (one.isPresent()) {
            return one.get();
        }
        return full.map(f -> f.leftBehind(implementation)).orElseGet(() -> quick() ? NO_CRASH + " (--quick)"
                : NO_CRASH);
    }

    private boolean quick() {
        return own.filter(o -> o.matrix().suite().contains("no crash")).isPresent();
    }

    /** The answer table's cell: the comparison's one crash, then the full matrix or where to find it. */
    public String crashCell(String implementation) {
        Optional<String> one = own.flatMap(o -> o.oneCrash(implementation));
        String matrix = full.map(f -> "full matrix: " + f.leftBehind(implementation)).orElse(FULL_MATRIX);
        if (one.isPresent()) {
            return one.get() + "; " + matrix;
        }
        String why = quick() ? "not measured (" + own.orElseThrow().matrix().suite() + ")"
                : "not measured: " + NO_CRASH;
        return full.map(f -> f.leftBehind(implementation)).orElse(why + "; " + FULL_MATRIX);
    }

    /** What the isolation probe's readers saw: the comparison's probe, else the full matrix's. */
    public String readers(String implementation) {
        return own.flatMap(o -> o.probed(implementation))
                .or(() -> full.flatMap(f -> f.probed(implementation)))
                .orElse(NO_PROBE);
    }

    /** The comparison's own evidence, if it gathered any. */
    Optional<FaultSection> own() {
        return own;
    }

    /** The full matrix beside the results, if {@code txlab faults} wrote one. */
    Optional<FaultSection> full() {
        return full;
    }

    /**
     * The anomalies seen, in words, e.g. "1,146 intermediate states, 3 non-atomic commits"; "no
     * anomaly" when every count is 0.
     */
    static String counts(Map<String, Long> counts) {
        String seen = counts.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> String.format(Locale.ROOT, "%,d %s%s", e.getValue(), e.getKey(),
                        e.getValue() == 1 ? "" : "s"))
                .collect(Collectors.joining(", "));
        return seen.isEmpty() ? "no anomaly" : seen;
    }

    /**
     * One crash cell in a few words: what was left behind after recovery, and how soon after recovery
     * began the audit passed.
     */
    static String oneCrash(String scenario, FaultMatrix.Cell cell) {
        if (cell.passed()) {
            return String.format(Locale.ROOT, "one crash (%s): nothing left, consistent in %.1f s",
                    scenario, cell.recoverySeconds() == null ? 0 : cell.recoverySeconds());
        }
        return "one crash (" + scenario + "): " + cell.result().toUpperCase(Locale.ROOT) + ", " + cell.evidence();
    }
}
