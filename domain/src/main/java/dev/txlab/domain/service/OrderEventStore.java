package dev.txlab.domain.service;

import dev.txlab.domain.model.OrderEvent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The event store of the event-sourced orders model: the {@code order_events} table of the orders
 * database, one row per event, keyed by (stream, version). Appending a version another transaction
 * appended first fails on that key: {@link #append} says so as a serialization failure (SQLState
 * 40001), so the transaction is retried as any other that lost a race (reload, re-decide, re-append).
 *
 * <p>It is also an outbox: an event of a type the orders service publishes is appended unpublished,
 * and a relay reads the {@link #unpublished} ones, publishes them and {@link #markPublished marks}
 * them. A flag per event, not a high-water mark: no position is shared by the streams, and a
 * transaction that commits after a later-appended one leaves its event unpublished until the next
 * pass, never behind a mark. The read models' projector reads it the same way, by a flag of its own
 * ({@link #unprojected}).
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
        return streams(connection, "", unreadable);
    }

    /**
     * Every stream's events applied to the read models so far, in stream and version order (a rebuild
     * reads them, and the audit checks the views against them); unreadable ones as in {@link #readAll}.
     */
    public static Map<String, List<OrderEvent>> readAllProjected(Connection connection, List<String> unreadable)
            throws SQLException {
        return streams(connection, "WHERE projected = TRUE ", unreadable);
    }

    private static Map<String, List<OrderEvent>> streams(Connection connection, String where, List<String> unreadable)
            throws SQLException {
        Map<String, List<OrderEvent>> streams = new LinkedHashMap<>();
        Set<String> broken = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT stream_id, version, event_type, "
                + "payload, committed_at_ms FROM order_events " + where + "ORDER BY stream_id, version");
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

    /** Appends events that are stored, not published. */
    public static void append(Connection connection, List<OrderEvent> events) throws SQLException {
        append(connection, events, Set.of());
    }

    /**
     * Appends the events (each at the version it names) in one batch, those of a type in
     * {@code published} to be published by a relay; a version taken is a conflict.
     */
    public static void append(Connection connection, List<OrderEvent> events, Set<OrderEvent.Type> published)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO order_events (stream_id, version, "
                + "event_type, payload, committed_at_ms, published) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (OrderEvent event : events) {
                statement.setString(1, event.orderId());
                statement.setInt(2, event.version());
                statement.setString(3, event.type().name());
                statement.setString(4, event.payload());
                statement.setLong(5, event.committedAtMs());
                if (published.contains(event.type())) {
                    statement.setBoolean(6, false);
                } else {
                    statement.setNull(6, Types.BOOLEAN);
                }
                statement.addBatch();
            }
            statement.executeBatch();
        } catch (SQLException e) {
            if (Sql.isDuplicateKey(e)) {
                throw new SQLException("version conflict on order " + events.get(0).orderId() + " at version "
                        + events.get(0).version() + ": another transaction appended it first", VERSION_CONFLICT_STATE,
                        e);
            }
            throw e;
        }
    }

    /**
     * Up to {@code limit} committed events still to be published, oldest first; one of an unknown
     * type is left unpublished, and said in {@code unreadable} by stream and version.
     */
    public static List<OrderEvent> unpublished(Connection connection, int limit, List<String> unreadable)
            throws SQLException {
        return flaggedFalse(connection, "published", limit, unreadable);
    }

    /** How many events wait to be published. */
    public static long countUnpublished(Connection connection) throws SQLException {
        return countFlaggedFalse(connection, "published");
    }

    /**
     * Marks published events: one statement per version among them (one for a batch of CREATED
     * events), keyed by the primary key's stream ids, so that it finds them through the key and not by
     * a scan (an OR of (stream, version) pairs made H2 scan the table at every mark).
     */
    public static void markPublished(Connection connection, List<OrderEvent> events) throws SQLException {
        flagTrue(connection, "published", events);
    }

    /**
     * Up to {@code limit} committed events not yet applied to the read models, oldest first; one of an
     * unknown type is left unprojected, and said in {@code unreadable} by stream and version.
     */
    public static List<OrderEvent> unprojected(Connection connection, int limit, List<String> unreadable)
            throws SQLException {
        return flaggedFalse(connection, "projected", limit, unreadable);
    }

    /** How many events wait to be applied to the read models. */
    public static long countUnprojected(Connection connection) throws SQLException {
        return countFlaggedFalse(connection, "projected");
    }

    /** Marks events applied to the read models (as {@link #markPublished}, by key). */
    public static void markProjected(Connection connection, List<OrderEvent> events) throws SQLException {
        flagTrue(connection, "projected", events);
    }

    private static List<OrderEvent> flaggedFalse(Connection connection, String flag, int limit,
                                                 List<String> unreadable) throws SQLException {
        List<OrderEvent> events = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT stream_id, version, event_type, "
                + "payload, committed_at_ms FROM order_events WHERE " + flag + " = ? ORDER BY committed_at_ms, "
                + "stream_id, version")) {
            statement.setBoolean(1, false);
            statement.setMaxRows(limit);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    try {
                        events.add(event(rows));
                    } catch (OrderEvent.MalformedEvent e) {
                        unreadable.add(e.getMessage());
                    }
                }
            }
        }
        return events;
    }

    private static long countFlaggedFalse(Connection connection, String flag) throws SQLException {
        try (PreparedStatement statement = Sql.prepare(connection,
                "SELECT COUNT(*) FROM order_events WHERE " + flag + " = ?", false);
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void flagTrue(Connection connection, String flag, List<OrderEvent> events) throws SQLException {
        Map<Integer, List<String>> streamsByVersion = new TreeMap<>();
        events.forEach(event -> streamsByVersion.computeIfAbsent(event.version(), v -> new ArrayList<>())
                .add(event.orderId()));
        for (Map.Entry<Integer, List<String>> version : streamsByVersion.entrySet()) {
            List<String> streams = version.getValue();
            try (PreparedStatement statement = connection.prepareStatement("UPDATE order_events SET " + flag + " = ? "
                    + "WHERE stream_id IN (" + String.join(", ", Collections.nCopies(streams.size(), "?"))
                    + ") AND version = ?")) {
                statement.setBoolean(1, true);
                for (int i = 0; i < streams.size(); i++) {
                    statement.setString(2 + i, streams.get(i));
                }
                statement.setInt(2 + streams.size(), version.getKey());
                statement.executeUpdate();
            }
        }
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
