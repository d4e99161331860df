package dev.txlab.domain.service;

import dev.txlab.domain.model.OrderEvent;
import dev.txlab.domain.model.OrderRequest;
import dev.txlab.domain.model.OrderStatus;
import dev.txlab.domain.model.OrdersModel;
import dev.txlab.domain.model.Outcome;
import dev.txlab.domain.model.RejectionReason;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/**
 * The orders service: creates orders PENDING and finally approves or rejects them, keeping each
 * order as its {@link OrdersModel} says (a row updated in place, or a stream of events).
 */
public interface OrdersService {
    /** The orders service of a model, publishing none of its facts itself. */
    static OrdersService of(OrdersModel model, Clock clock) {
        return of(model, clock, Set.of(), AppendListener.NONE);
    }

    /**
     * The orders service of a model; under {@code event-sourced}, its events of the {@code published}
     * types are to be published from the event store (a relay's work), and {@code appends} hears of
     * every append; under {@code state} nothing is published and nothing appended.
     */
    static OrdersService of(OrdersModel model, Clock clock, Set<OrderEvent.Type> published, AppendListener appends) {
        return switch (model) {
            case STATE -> new StateOrders(clock);
            case EVENT_SOURCED -> new EventSourcedOrders(clock, published, appends);
        };
    }

    /**
     * Whether this service publishes events of this type itself, from its event store (so no message
     * is sent for that fact beside it).
     */
    default boolean publishes(OrderEvent.Type type) {
        return false;
    }

    /** Creates the order PENDING with its items; a second call for the same id has no effect. */
    void createPending(Connection connection, OrderRequest order) throws SQLException;

    /** Approves a PENDING order; returns false (and changes nothing) when it is not PENDING. */
    boolean approve(Connection connection, String orderId) throws SQLException;

    /** Rejects a PENDING order with its reason; returns false (and changes nothing) when it is not PENDING. */
    boolean reject(Connection connection, String orderId, RejectionReason reason) throws SQLException;

    /**
     * Records an order as REJECTED whether or not it exists yet: used after a coordinator rolled the
     * whole order back, so the audit sees the same outcome as for every other implementation.
     */
    void recordRejected(Connection connection, OrderRequest order, RejectionReason reason) throws SQLException;

    Optional<OrderStatus> status(Connection connection, String orderId) throws SQLException;

    /** The outcome of a terminal order; empty while it is PENDING or unknown. */
    Optional<Outcome> outcome(Connection connection, String orderId) throws SQLException;
}
