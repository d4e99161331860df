package dev.txlab.scenarios.probe;

import dev.txlab.domain.model.OrderStatus;

import java.util.Optional;

/**
 * What one reader saw of one order, read in this order, each in its own database: the order's status
 * (orders), whether a shopping list was ACTIVE (depot), whether a payment was CONFIRMED (payments);
 * with event-sourced orders, also the order's summary in the read models beside its stream.
 */
public record Observation(String orderId, Optional<OrderStatus> status, boolean reservation, boolean payment,
                          Optional<ViewRead> view) {

    /** An observation without a read of the read models (the {@code state} model has none). */
    public Observation(String orderId, Optional<OrderStatus> status, boolean reservation, boolean payment) {
        this(orderId, status, reservation, payment, Optional.empty());
    }

    /**
     * The order's summary and its stream, read in one statement (one snapshot): the summary's version
     * (0 without a row) and status, and the stream's version (0 without an event).
     */
    public record ViewRead(int viewVersion, Optional<OrderStatus> viewStatus, int streamVersion) {
        /** The view behind the stream at the moment of the read. */
        public boolean stale() {
            return viewVersion < streamVersion;
        }
    }
}
