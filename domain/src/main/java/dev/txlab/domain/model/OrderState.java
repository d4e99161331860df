package dev.txlab.domain.model;

import java.util.List;
import java.util.Optional;

/**
 * An order as its stream of events makes it: the order created, its status and reason, when it was
 * created and decided, and the stream's version (its last event's). Replaying checks the stream:
 * versions 1, 2, ... without a gap or a repeat, CREATED first, at most one decision after it, and
 * every payload readable; anything else is a {@link OrderEvent.MalformedEvent} naming the stream and version.
 */
public record OrderState(OrderRequest order, OrderStatus status, RejectionReason reason, long createdAtMs,
                         Long decidedAtMs, int version) {

    /** The state the events give, in version order; empty for no events. */
    public static Optional<OrderState> replay(List<OrderEvent> events) {
        OrderState state = null;
        for (int i = 0; i < events.size(); i++) {
            OrderEvent event = events.get(i);
            if (event.version() != i + 1) {
                throw new OrderEvent.MalformedEvent(event.orderId(), event.version(), (event.version() <= i
                        ? "a repeated version" : "a gap: version " + (i + 1) + " is missing") + " in the stream");
            }
            state = state == null ? created(event) : state.then(event);
        }
        return Optional.ofNullable(state);
    }

    private static OrderState created(OrderEvent event) {
        if (event.type() != OrderEvent.Type.CREATED) {
            throw new OrderEvent.MalformedEvent(event.orderId(), event.version(), "the stream starts with "
                    + event.type() + ", not CREATED");
        }
        return new OrderState(event.order(), OrderStatus.PENDING, null, event.committedAtMs(), null, 1);
    }

    private OrderState then(OrderEvent event) {
        if (status != OrderStatus.PENDING || event.type() == OrderEvent.Type.CREATED) {
            throw new OrderEvent.MalformedEvent(event.orderId(), event.version(), event.type() + " after the order "
                    + "was " + status);
        }
        return event.type() == OrderEvent.Type.APPROVED
                ? new OrderState(order, OrderStatus.APPROVED, null, createdAtMs, event.committedAtMs(), event.version())
                : new OrderState(order, OrderStatus.REJECTED, event.reason(), createdAtMs, event.committedAtMs(),
                event.version());
    }

    /** The outcome of a decided order; empty while it is PENDING. */
    public Optional<Outcome> outcome() {
        return switch (status) {
            case PENDING -> Optional.empty();
            case APPROVED -> Optional.of(Outcome.APPROVED);
            case REJECTED -> Optional.of(Outcome.rejected(reason));
        };
    }
}
