package dev.txlab.domain.service;

import dev.txlab.domain.model.OrderEvent;
import dev.txlab.domain.model.OrderState;
import dev.txlab.domain.model.OrderStatus;
import dev.txlab.domain.model.RejectionReason;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every order of an orders database, whichever model kept it: the rows of {@code orders} (the
 * {@code state} model) and the streams of {@code order_events} replayed (the {@code event-sourced}
 * one); a stream that cannot be replayed is named, by stream and version, in {@code unreadable},
 * never skipped in silence. For the audit and the other readers that look at all orders at once.
 */
public record OrderBook(Map<String, Entry> orders, List<String> unreadable) {

    /** One order: its status, its reason when rejected, and when it was created. */
    public record Entry(OrderStatus status, RejectionReason reason, long createdAtMs) {
    }

    /** Reads every order, in order id order. */
    public static OrderBook read(Connection connection) throws SQLException {
        Map<String, Entry> orders = new TreeMap<>();
        List<String> unreadable = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT order_id, status, reason, "
                + "created_at_ms FROM orders");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                String reason = rows.getString(3);
                orders.put(rows.getString(1), new Entry(OrderStatus.valueOf(rows.getString(2)),
                        reason == null ? null : RejectionReason.valueOf(reason), rows.getLong(4)));
            }
        }
        for (Map.Entry<String, List<OrderEvent>> stream : OrderEventStore.readAll(connection, unreadable).entrySet()) {
            try {
                OrderState.replay(stream.getValue()).ifPresent(state -> orders.put(stream.getKey(),
                        new Entry(state.status(), state.reason(), state.createdAtMs())));
            } catch (OrderEvent.MalformedEvent e) {
                unreadable.add(e.getMessage());
            }
        }
        return new OrderBook(orders, unreadable);
    }

    /**
     * How many orders are PENDING: rows so, and streams that hold only their CREATED event; one
     * statement, one round trip, as the count of rows alone was.
     */
    public static long pending(Connection connection) throws SQLException {
        return count(connection, "SELECT (SELECT COUNT(*) FROM orders WHERE status = 'PENDING') + (SELECT COUNT(*) "
                + "FROM (SELECT stream_id FROM order_events GROUP BY stream_id HAVING MAX(version) = 1) created_only)");
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
