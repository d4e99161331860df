package dev.txlab.harness.readmodel;

import dev.txlab.domain.model.OrderEvent;
import dev.txlab.domain.model.OrderStatus;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Events applied, in order, to the read models' rows they touch: the summaries of their orders (as
 * read before, or created here) and the change to each customer's totals. An event at or below the
 * version its order's summary reflects was applied before and changes nothing (projecting is
 * idempotent); one beyond the next version waits for the events before it.
 */
final class Projection {
    /** What applying one event did. */
    enum Result {
        APPLIED, ALREADY_APPLIED, NOT_YET
    }

    private final Map<String, OrderSummary> summaries;
    private final Set<String> inserted = new LinkedHashSet<>();
    private final Set<String> updated = new LinkedHashSet<>();
    private final Map<String, CustomerOrders> customerChanges = new LinkedHashMap<>();

    /** A projection over the summaries as they are now ({@code known}: every summary the events may touch). */
    Projection(Map<String, OrderSummary> known) {
        this.summaries = new HashMap<>(known);
    }

    /** A projection from zero (a rebuild). */
    static Projection fromZero() {
        return new Projection(Map.of());
    }

    /**
     * Applies one event; an event that contradicts the summary (a decision for an order not PENDING,
     * a second CREATED) or cannot be read is a {@link OrderEvent.MalformedEvent}, and changes nothing.
     */
    Result apply(OrderEvent event) {
        OrderSummary current = summaries.get(event.orderId());
        int at = current == null ? 0 : current.version();
        if (event.version() <= at) {
            return Result.ALREADY_APPLIED;
        }
        if (event.version() > at + 1) {
            return Result.NOT_YET;
        }
        if (event.type() == OrderEvent.Type.CREATED) {
            if (current != null) {
                throw new OrderEvent.MalformedEvent(event.orderId(), event.version(), "CREATED after the order was "
                        + current.status());
            }
            OrderSummary created = OrderSummary.created(event.order());
            summaries.put(event.orderId(), created);
            inserted.add(event.orderId());
            change(new CustomerOrders(created.customerId(), 1, 0));
            return Result.APPLIED;
        }
        if (current == null || current.status() != OrderStatus.PENDING) {
            throw new OrderEvent.MalformedEvent(event.orderId(), event.version(), event.type() + " after the order was "
                    + (current == null ? "never created" : current.status()));
        }
        boolean approved = event.type() == OrderEvent.Type.APPROVED;
        summaries.put(event.orderId(), current.decided(approved ? OrderStatus.APPROVED : OrderStatus.REJECTED,
                event.committedAtMs(), event.version()));
        if (!inserted.contains(event.orderId())) {
            updated.add(event.orderId());
        }
        if (approved) {
            change(new CustomerOrders(current.customerId(), 0, current.totalCents()));
        }
        return Result.APPLIED;
    }

    private void change(CustomerOrders change) {
        customerChanges.merge(change.customerId(), change, CustomerOrders::plus);
    }

    /** The summaries this projection created. */
    Collection<OrderSummary> inserted() {
        return inserted.stream().map(summaries::get).toList();
    }

    /** The summaries it changed that existed before it. */
    Collection<OrderSummary> updated() {
        return updated.stream().map(summaries::get).toList();
    }

    /** What it adds to each customer's totals. */
    Collection<CustomerOrders> customerChanges() {
        return customerChanges.values();
    }

    /** Every summary it knows, as the events left them. */
    Map<String, OrderSummary> summaries() {
        return summaries;
    }
}
