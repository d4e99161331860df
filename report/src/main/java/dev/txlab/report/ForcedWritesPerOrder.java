package dev.txlab.report;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Forced writes (fsync, fdatasync and kin) per order, per component (an H2 database, a TM log, a
 * broker journal, a server's WAL), counted by strace attached to txlab's JVM and the local servers
 * over a closed-loop window of their own: {@code orders} orders at {@code callers} callers. strace
 * slows what it traces, so that window's throughput is not a result. {@code notCounted} says why
 * they could not be counted (null when they were).
 */
public record ForcedWritesPerOrder(Map<String, Double> byComponent, long orders, int callers, String notCounted) {
    public ForcedWritesPerOrder {
        byComponent = new TreeMap<>(byComponent);
    }

    public static ForcedWritesPerOrder notCounted(String why) {
        return new ForcedWritesPerOrder(Map.of(), 0, 0, why);
    }

    public boolean counted() {
        return notCounted == null;
    }

    /** Every component's forced writes per order together. */
    public double total() {
        return byComponent.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** E.g. "1.93 (tm-xa-atomikos 1.92, H2 orders 0.01; 812 orders)", or why they were not counted. */
    public String describe() {
        if (!counted()) {
            return "not counted: " + notCounted;
        }
        String parts = byComponent.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "%.2f (%s%s orders)", total(), parts.isEmpty() ? "" : parts + "; ", orders);
    }
}
