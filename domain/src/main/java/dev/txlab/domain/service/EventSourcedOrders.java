package dev.txlab.domain.service;

import dev.txlab.domain.model.OrderEvent;
import dev.txlab.domain.model.OrderRequest;
import dev.txlab.domain.model.OrderState;
import dev.txlab.domain.model.OrderStatus;
import dev.txlab.domain.model.Outcome;
import dev.txlab.domain.model.RejectionReason;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The orders service of the {@code event-sourced} model: an order is its stream in the
 * {@link OrderEventStore}; every decision replays the stream, decides on the state it gives, and
 * appends the next version (a version another transaction took first fails the transaction, which
 * its caller's retry runs again from the replay).
 */
final class EventSourcedOrders implements OrdersService {
    private final Clock clock;

    EventSourcedOrders(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void createPending(Connection connection, OrderRequest order) throws SQLException {
        if (state(connection, order.orderId()).isEmpty()) {
            OrderEventStore.append(connection, List.of(OrderEvent.created(order, 1, clock.millis())));
        }
    }

    @Override
    public boolean approve(Connection connection, String orderId) throws SQLException {
        Optional<OrderState> state = pending(connection, orderId);
        if (state.isEmpty()) {
            return false;
        }
        OrderEventStore.append(connection, List.of(OrderEvent.approved(orderId, state.get().version() + 1,
                clock.millis())));
        return true;
    }

    @Override
    public boolean reject(Connection connection, String orderId, RejectionReason reason) throws SQLException {
        Optional<OrderState> state = pending(connection, orderId);
        if (state.isEmpty()) {
            return false;
        }
        OrderEventStore.append(connection, List.of(OrderEvent.rejected(orderId, state.get().version() + 1, reason,
                clock.millis())));
        return true;
    }

    @Override
    public void recordRejected(Connection connection, OrderRequest order, RejectionReason reason)
            throws SQLException {
        if (state(connection, order.orderId()).isPresent()) {
            reject(connection, order.orderId(), reason);
            return;
        }
        long now = clock.millis();
        OrderEventStore.append(connection, List.of(OrderEvent.created(order, 1, now),
                OrderEvent.rejected(order.orderId(), 2, reason, now)));
    }

    @Override
    public Optional<OrderStatus> status(Connection connection, String orderId) throws SQLException {
        return state(connection, orderId).map(OrderState::status);
    }

    @Override
    public Optional<Outcome> outcome(Connection connection, String orderId) throws SQLException {
        return state(connection, orderId).flatMap(OrderState::outcome);
    }

    private Optional<OrderState> pending(Connection connection, String orderId) throws SQLException {
        return state(connection, orderId).filter(state -> state.status() == OrderStatus.PENDING);
    }

    private static Optional<OrderState> state(Connection connection, String orderId) throws SQLException {
        return OrderState.replay(OrderEventStore.read(connection, orderId));
    }
}
