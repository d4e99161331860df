package dev.txlab.harness.cost;

import dev.txlab.domain.service.ServiceName;
import dev.txlab.harness.store.spi.JdbcInterceptor;
import dev.txlab.harness.store.spi.RoundTrip;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Counts every round trip by kind, as seen at the store decorator point. Thread-safe. */
public final class CostCounters implements JdbcInterceptor {
    private final Map<RoundTrip, LongAdder> counts = new EnumMap<>(RoundTrip.class);

    public CostCounters() {
        for (RoundTrip kind : RoundTrip.values()) {
            counts.put(kind, new LongAdder());
        }
    }

    @Override
    public void afterRoundTrip(ServiceName service, RoundTrip kind, long elapsedNanos) {
        counts.get(kind).increment();
    }

    public Costs snapshot() {
        Map<RoundTrip, Long> values = new EnumMap<>(RoundTrip.class);
        counts.forEach((kind, adder) -> values.put(kind, adder.sum()));
        return new Costs(values);
    }

    /** A snapshot of the counters; subtract two to get what happened between them. */
    public record Costs(Map<RoundTrip, Long> counts) {
        public Costs {
            counts = Map.copyOf(counts);
        }

        public long count(RoundTrip kind) {
            return counts.getOrDefault(kind, 0L);
        }

        public long roundTrips() {
            return counts.values().stream().mapToLong(Long::longValue).sum();
        }

        public Costs minus(Costs earlier) {
            Map<RoundTrip, Long> difference = new EnumMap<>(RoundTrip.class);
            for (RoundTrip kind : RoundTrip.values()) {
                difference.put(kind, count(kind) - earlier.count(kind));
            }
            return new Costs(difference);
        }
    }
}
