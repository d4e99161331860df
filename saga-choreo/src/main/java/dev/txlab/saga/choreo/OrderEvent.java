package dev.txlab.saga.choreo;

import dev.txlab.domain.model.OrderRequest;
import dev.txlab.domain.model.RejectionReason;

import java.util.Objects;

/**
 * The payload of every event of the choreography: the order (each service needs a part of it) and,
 * for the events of a refusal, its reason.
 */
public record OrderEvent(OrderRequest order, RejectionReason reason) {
    public OrderEvent {
        Objects.requireNonNull(order, "order");
    }

    public static OrderEvent of(OrderRequest order) {
        return new OrderEvent(order, null);
    }

    public OrderEvent refused(RejectionReason why) {
        return new OrderEvent(order, Objects.requireNonNull(why, "why"));
    }

    public String orderId() {
        return order.orderId();
    }
}
