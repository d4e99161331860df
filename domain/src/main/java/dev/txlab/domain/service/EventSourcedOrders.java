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
import java.util.Set;

/**
 * The orders service of the {@code event-sourced} model: an order is its stream in the
 * {@link OrderEventStore}; every decision replays the stream, decides on the state it gives, and
 * appends the next version (a version another transaction took first fails the transaction, which
 * its caller's retry runs again from the replay).
 */
final class EventSourcedOrders implements OrdersService {
    private final Clock clock;
    private final Set<OrderEvent.Type> published;
    private final AppendListener appends;

    /**
     * Orders whose events of the {@code published} types a relay publishes from the event store, and
     * whose appends {@code appends} hears of.
     */
    EventSourcedOrders(Clock clock, Set<OrderEvent.Type> published, AppendListener appends) {
        this.clock = clock;
        this.published = Set.copyOf(published);
        this.appends = appends;
    }

    @Override
    public boolean publishes(OrderEvent.Type type) {
        return published.contains(type);
    }

    @Override
    public void createPending(Connection connection, OrderRequest order) throws SQLException {
        if (state(connection, order.orderId()).isEmpty()) {
            append(connection, List.of(OrderEvent.created(order, 1, clock.millis())));
        }
    }

    @Override
    public boolean approve(Connection connection, String orderId) throws SQLException {
        Optional<OrderState> state = pending(connection, orderId);
        if (state.isEmpty()) {
            return false;
        }
        append(connection, List.of(OrderEvent.approved(orderId, state.get().version() + 1,
                clock.millis())));
        return true;
    }

    @Override
    public boolean reject(Connection connection, String orderId, RejectionReason reason) throws SQLException {
        Optional<OrderState> state = pending(connection, orderId);
        if (state.isEmpty()) {
            return false;
        }
        append(connection, List.of(OrderEvent.rejected(orderId, state.get().version() + 1, reason,
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
        append(connection, List.of(OrderEvent.created(order, 1, now),
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

    private void append(Connection connection, List<OrderEvent> events) throws SQLException {
        appends.beforeAppend(events);
        try {
            OrderEventStore.append(connection, events, published);
        } catch (SQLException e) {
            if (OrderEventStore.VERSION_CONFLICT_STATE.equals(e.getSQLState())) {
                appends.versionTaken(events);
            }
            throw e;
        }
        appends.appended(events);
    }

    private Optional<OrderState> pending(Connection connection, String orderId) throws SQLException {
        return state(connection, orderId).filter(state -> state.status() == OrderStatus.PENDING);
    }

    private static Optional<OrderState> state(Connection connection, String orderId) throws SQLException {
        return OrderState.replay(OrderEventStore.read(connection, orderId));
    }
}
