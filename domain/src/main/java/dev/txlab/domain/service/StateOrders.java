package dev.txlab.domain.service;

import dev.txlab.domain.model.OrderLine;
import dev.txlab.domain.model.OrderRequest;
import dev.txlab.domain.model.OrderStatus;
import dev.txlab.domain.model.Outcome;
import dev.txlab.domain.model.RejectionReason;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The orders service of the {@code state} model: an order is a row of {@code orders}, updated in place. */
final class StateOrders implements OrdersService {
    private final Clock clock;

    StateOrders(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void createPending(Connection connection, OrderRequest order) throws SQLException {
        if (status(connection, order.orderId()).isPresent()) {
            return;
        }
        insertOrder(connection, order, OrderStatus.PENDING, null);
    }

    @Override
    public boolean approve(Connection connection, String orderId) throws SQLException {
        return Sql.update(connection,
                "UPDATE orders SET status = ?, decided_at_ms = ? WHERE order_id = ? AND status = ?",
                OrderStatus.APPROVED.name(), clock.millis(), orderId, OrderStatus.PENDING.name()) == 1;
    }

    @Override
    public boolean reject(Connection connection, String orderId, RejectionReason reason) throws SQLException {
        return Sql.update(connection,
                "UPDATE orders SET status = ?, reason = ?, decided_at_ms = ? WHERE order_id = ? AND status = ?",
                OrderStatus.REJECTED.name(), reason.name(), clock.millis(), orderId,
                OrderStatus.PENDING.name()) == 1;
    }

    @Override
    public void recordRejected(Connection connection, OrderRequest order, RejectionReason reason)
            throws SQLException {
        if (status(connection, order.orderId()).isPresent()) {
            reject(connection, order.orderId(), reason);
        } else {
            insertOrder(connection, order, OrderStatus.REJECTED, reason);
        }
    }

    @Override
    public Optional<OrderStatus> status(Connection connection, String orderId) throws SQLException {
        return Optional.ofNullable(Sql.queryString(connection,
                "SELECT status FROM orders WHERE order_id = ?", orderId)).map(OrderStatus::valueOf);
    }

    @Override
    public Optional<Outcome> outcome(Connection connection, String orderId) throws SQLException {
        try (PreparedStatement statement = Sql.prepare(connection,
                "SELECT status, reason FROM orders WHERE order_id = ?", orderId);
             var rows = statement.executeQuery()) {
            if (!rows.next()) {
                return Optional.empty();
            }
            OrderStatus status = OrderStatus.valueOf(rows.getString(1));
            return switch (status) {
                case PENDING -> Optional.empty();
                case APPROVED -> Optional.of(Outcome.APPROVED);
                case REJECTED -> Optional.of(Outcome.rejected(RejectionReason.valueOf(rows.getString(2))));
            };
        }
    }

    private void insertOrder(Connection connection, OrderRequest order, OrderStatus status,
                             RejectionReason reason) throws SQLException {
        long now = clock.millis();
        Sql.update(connection,
                "INSERT INTO orders (order_id, customer_id, total_cents, status, reason, created_at_ms, decided_at_ms)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                order.orderId(), order.customerId(), order.totalCents(), status.name(),
                reason == null ? null : reason.name(), now, status.isTerminal() ? now : null);
        insertItems(connection, order.orderId(), order.lines());
    }

    private static void insertItems(Connection connection, String orderId, List<OrderLine> lines)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO order_items (order_id, line_no, sku, quantity, unit_price_cents) VALUES (?, ?, ?, ?, ?)")) {
            int lineNo = 0;
            for (OrderLine line : lines) {
                statement.setString(1, orderId);
                statement.setInt(2, ++lineNo);
                statement.setString(3, line.sku());
                statement.setLong(4, line.quantity());
                statement.setLong(5, line.unitPriceCents());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }
}
