package dev.txlab.harness.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** The audit's findings: the violations and the totals of outcomes (APPROVED, REJECTED(reason), PENDING). */
public record AuditReport(List<Violation> violations, SortedMap<String, Long> outcomeCounts, long orders,
                          long acknowledged) {

    public AuditReport {
        violations = List.copyOf(violations);
        outcomeCounts = new TreeMap<>(outcomeCounts);
    }

    /** This report with more violations (a module's leftovers). */
    public AuditReport plus(List<Violation> more) {
        List<Violation> all = new ArrayList<>(violations);
        all.addAll(more);
        return new AuditReport(all, outcomeCounts, orders, acknowledged);
    }

    public boolean ok() {
        return violations.isEmpty();
    }

    public long count(String outcomeLabel) {
        return outcomeCounts.getOrDefault(outcomeLabel, 0L);
    }

    public List<Violation> violationsOf(Invariant invariant) {
        return violations.stream().filter(v -> v.invariant() == invariant).toList();
    }

    /** "invariants: OK" or the violations, at most {@code limit} of them, then how many more. */
    public String describe(int limit) {
        if (ok()) {
            return "invariants: OK";
        }
        StringBuilder text = new StringBuilder("invariants: VIOLATED (" + violations.size() + " violations)");
        violations.stream().limit(limit).forEach(v -> text.append(System.lineSeparator()).append("  ").append(v));
        if (violations.size() > limit) {
            text.append(System.lineSeparator()).append("  ... and ").append(violations.size() - limit).append(" more");
        }
        return text.toString();
    }

    /** Per invariant, how many violations. */
    public Map<Invariant, Long> countsByInvariant() {
        Map<Invariant, Long> counts = new TreeMap<>();
        violations.forEach(v -> counts.merge(v.invariant(), 1L, Long::sum));
        return counts;
    }
}
