package dev.txlab.harness.cost;

import java.util.Map;
import java.util.TreeMap;

/**
 * Forced writes (fsync, fdatasync and kin) counted over a window, per component: a database, a TM
 * log, a broker journal, a server's WAL ({@link ForcedWriteComponents} names them).
 */
public record ForcedWrites(Map<String, Long> byComponent) {
    public ForcedWrites {
        byComponent = Map.copyOf(byComponent);
    }

    public long total() {
        return byComponent.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Each component's count divided by a number of orders, sorted by component. */
    public Map<String, Double> perOrder(long orders) {
        if (orders <= 0) {
            throw new IllegalArgumentException("forced writes per order need at least one order; got " + orders);
        }
        Map<String, Double> per = new TreeMap<>();
        byComponent.forEach((component, count) -> per.put(component, (double) count / orders));
        return per;
    }
}
