package dev.txlab.messaging.placement;

import dev.txlab.domain.model.OrderEvent;
import dev.txlab.messaging.spi.Transport;

import java.util.Set;
import java.util.function.Function;

/**
 * What a saga publishes straight from the orders event store when orders are event-sourced: the
 * event types, and the message each becomes. The store is then that fact's outbox: no outbox row is
 * written beside it ({@link dev.txlab.messaging.outbox.OrderEventOutbox}). Under the {@code state}
 * model, or with {@link #NONE}, those facts go through the outbox as any other message.
 */
public record OrderEventPublication(Set<OrderEvent.Type> types, Function<OrderEvent, Transport.Outgoing> message) {
    /** Nothing is published from the event store (saga-orch: it sends commands, not the orders' events). */
    public static final OrderEventPublication NONE = new OrderEventPublication(Set.of(), event -> {
        throw new IllegalStateException("no order event is published, yet " + event.type() + " of order "
                + event.orderId() + " was to be");
    });

    public OrderEventPublication {
        types = Set.copyOf(types);
    }
}
