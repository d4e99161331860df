package dev.txlab.harness.readmodel;

import dev.txlab.domain.model.OrderLine;
import dev.txlab.domain.model.OrderRequest;
import dev.txlab.domain.model.OrderState;
import dev.txlab.domain.model.OrderStatus;

import java.util.Objects;

/**
 * A row of the order summary view: the order's customer, status, total, number of items (the sum of
 * its lines' quantities), when it was decided (null while PENDING), and the version of its stream
 * the row reflects.
 */
public record OrderSummary(String orderId, String customerId, OrderStatus status, long totalCents, long itemCount,
                           Long decidedAtMs, int version) {
    public OrderSummary {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(status, "status");
    }

    /** The summary of a new order, PENDING at version 1. */
    public static OrderSummary created(OrderRequest order) {
        return new OrderSummary(order.orderId(), order.customerId(), OrderStatus.PENDING, order.totalCents(),
                order.lines().stream().mapToLong(OrderLine::quantity).sum(), null, 1);
    }

    /** The summary the state replayed from a stream gives. */
    public static OrderSummary of(OrderState state) {
        OrderSummary created = created(state.order());
        return new OrderSummary(created.orderId(), created.customerId(), state.status(), created.totalCents(),
                created.itemCount(), state.decidedAtMs(), state.version());
    }

    /** This order decided at {@code version}. */
    public OrderSummary decided(OrderStatus decision, long atMs, int atVersion) {
        return new OrderSummary(orderId, customerId, decision, totalCents, itemCount, atMs, atVersion);
    }
}
