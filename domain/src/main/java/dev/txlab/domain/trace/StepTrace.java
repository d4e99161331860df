package dev.txlab.domain.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records the steps of a bounded sample of orders (the first {@code sampleOrders} seen, or seen since
 * {@link #sampleAnew}), from which the report draws one order's timeline. Thread-safe; steps of
 * orders outside the sample are dropped.
 */
public final class StepTrace {
    public static final int DEFAULT_SAMPLE_ORDERS = 16;

    private final int sampleOrders;
    private final Set<String> sampled = ConcurrentHashMap.newKeySet();
    private final List<StepEvent> events = new ArrayList<>();

    public StepTrace(int sampleOrders) {
        this.sampleOrders = sampleOrders;
    }

    public static StepTrace ofDefaults() {
        return new StepTrace(DEFAULT_SAMPLE_ORDERS);
    }

    public void record(StepEvent event) {
        if (!sampled.contains(event.orderId())) {
            synchronized (sampled) {
                if (sampled.size() >= sampleOrders) {
                    return;
                }
                sampled.add(event.orderId());
            }
        }
        synchronized (events) {
            events.add(event);
        }
    }

    /** Forgets the sample so far: the next {@code sampleOrders} orders seen are the sample (of a timed phase). */
    public void sampleAnew() {
        synchronized (sampled) {
            synchronized (events) {
                sampled.clear();
                events.clear();
            }
        }
    }

    public List<StepEvent> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    public List<StepEvent> eventsOf(String orderId) {
        return events().stream().filter(event -> event.orderId().equals(orderId)).toList();
    }
}
