package dev.txlab.cli.compare;

import dev.txlab.harness.cost.CostCounters;
import dev.txlab.harness.cost.MessageCounts;
import dev.txlab.harness.store.BytesWritten;
import dev.txlab.harness.store.spi.RoundTrip;
import dev.txlab.load.LoadResult;
import dev.txlab.report.ImplementationResult.Cost;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/** Sums the round trips, messages and outcomes of every phase of a run, warm-ups included. */
final class CostTally {
    private final Map<RoundTrip, Long> roundTrips = new EnumMap<>(RoundTrip.class);
    private final Map<String, Long> outcomes = new HashMap<>();
    private MessageCounts messages = MessageCounts.NONE;
    private long orders;

    void add(LoadResult phase) {
        CostCounters.Costs costs = phase.costs();
        for (RoundTrip kind : RoundTrip.values()) {
            roundTrips.merge(kind, costs.count(kind), Long::sum);
        }
        messages = messages.plus(phase.messages());
        phase.outcomes().forEach((outcome, count) -> outcomes.merge(outcome, count, Long::sum));
        orders += phase.completed();
    }

    Map<String, Long> outcomes() {
        return Map.copyOf(outcomes);
    }

    /** The tally per order, with the bytes {@code written} meanwhile (by the same orders). */
    Cost perOrder(BytesWritten.Reading written) {
        if (orders == 0) {
            return new Cost(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        }
        long total = roundTrips.values().stream().mapToLong(Long::longValue).sum();
        long xaOther = count(RoundTrip.XA_START) + count(RoundTrip.XA_END) + count(RoundTrip.XA_ROLLBACK)
                + count(RoundTrip.XA_RECOVER) + count(RoundTrip.XA_FORGET);
        return new Cost(orders, per(total), per(count(RoundTrip.STATEMENT)), per(count(RoundTrip.COMMIT)),
                per(count(RoundTrip.ROLLBACK)), per(count(RoundTrip.CONNECTION_CHECK)), per(count(RoundTrip.XA_PREPARE)), per(count(RoundTrip.XA_COMMIT)),
                per(xaOther), per(messages.published()), per(messages.delivered()),
                written.bytesBySource().isEmpty() ? null : (double) written.total() / orders,
                String.join(" + ", written.bytesBySource().keySet()));
    }

    private long count(RoundTrip kind) {
        return roundTrips.getOrDefault(kind, 0L);
    }

    private double per(long count) {
        return (double) count / orders;
    }
}
