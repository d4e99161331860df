package dev.txlab.domain.service;

import dev.txlab.domain.model.OrderEvent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The event store of the event-sourced orders model: the {@code order_events} table of the orders
 * database, one row per event, keyed by (stream, version). Appending a version another transaction
 * appended first fails on that key: {@link #append} says so as a serialization failure (SQLState
 * 40001), so the transaction is retried as any other that lost a race (reload, re-decide, re-append).
 */
public final class OrderEventStore {
    /** SQLState of a serialization failure: what a version conflict is reported as. */
    public static final String VERSION_CONFLICT_STATE = "40001";

    private OrderEventStore() {
    }

    /** The events of one order's stream, in version order (none for an unknown order). */
    public static List<OrderEvent> read(Connection connection, String orderId) throws SQLException {
        List<OrderEvent> events = new ArrayList<>();
        try (PreparedStatement statement = Sql.prepare(connection, "SELECT stream_id, version, event_type, payload, "
                + "committed_at_ms FROM order_events WHERE stream_id = ? ORDER BY version", orderId);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                events.add(event(rows));
            }
        }
        return events;
    }

    /**
     * Every stream, in stream and version order (for the audit); a stream with an event of an
     * unknown type is left out, and said in {@code unreadable} by stream and version.
     */
    public static Map<String, List<OrderEvent>> readAll(Connection connection, List<String> unreadable)
            throws SQLException {
        Map<String, List<OrderEvent>> streams = new LinkedHashMap<>();
        Set<String> broken = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT stream_id, version, event_type, "
                + "payload, committed_at_ms FROM order_events ORDER BY stream_id, version");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                try {
                    OrderEvent event = event(rows);
                    streams.computeIfAbsent(event.orderId(), id -> new ArrayList<>()).add(event);
                } catch (OrderEvent.MalformedEvent e) {
                    broken.add(rows.getString(1));
                    unreadable.add(e.getMessage());
                }
            }
        }
        streams.keySet().removeAll(broken);
        return streams;
    }

    /** Appends the events (each at the version it names) in one batch; a version taken is a conflict. */
    public static void append(Connection connection, List<OrderEvent> events) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO order_events (stream_id, version, "
                + "event_type, payload, committed_at_ms) VALUES (?, ?, ?, ?, ?)")) {
            for (OrderEvent event : events) {
                statement.setString(1, event.orderId());
                statement.setInt(2, event.version());
                statement.setString(3, event.type().name());
                statement.setString(4, event.payload());
                statement.setLong(5, event.committedAtMs());
                statement.addBatch();
            }
            statement.executeBatch();
        } catch (SQLException e) {
            if (isDuplicateKey(e)) {
                throw new SQLException("version conflict on order " + events.get(0).orderId() + " at version "
                        + events.get(0).version() + ": another transaction appended it first", VERSION_CONFLICT_STATE,
                        e);
            }
            throw e;
        }
    }

    /** A unique-key violation on H2 and PostgreSQL (23505) or MariaDB (1062), anywhere in the chain. */
    private static boolean isDuplicateKey(SQLException failure) {
        for (SQLException e = failure; e != null; e = e.getNextException()) {
            if ("23505".equals(e.getSQLState()) || e.getErrorCode() == 1062) {
                return true;
            }
            if (e.getCause() instanceof SQLException cause && isDuplicateKey(cause)) {
                return true;
            }
        }
        return false;
    }

    private static OrderEvent event(ResultSet rows) throws SQLException {
        String type = rows.getString(3);
        OrderEvent.Type parsed;
        try {
            parsed = OrderEvent.Type.valueOf(type);
        } catch (IllegalArgumentException e) {
            throw new OrderEvent.MalformedEvent(rows.getString(1), rows.getInt(2), "unknown event type '" + type + "'");
        }
        return new OrderEvent(rows.getString(1), rows.getInt(2), parsed, rows.getString(4), rows.getLong(5));
    }
}
