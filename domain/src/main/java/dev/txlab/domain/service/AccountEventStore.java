package dev.txlab.domain.service;

import dev.txlab.domain.model.AccountEvent;
import dev.txlab.domain.model.AccountState;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The event store of event-sourced accounts: {@code account_events} in the payments database, keyed
 * by (stream, version) as the orders' store is (a version taken fails as a serialization failure, so
 * the transaction is retried from the reload), with {@code account_snapshots}: with snapshots every N
 * events, the event that reaches a multiple of N is appended with a snapshot of the state it gives, in
 * the same transaction. Loading reads the latest snapshot and then only the events after it; a snapshot
 * that cannot be read, or does not fit its stream, is said in the warning of the load and the whole
 * stream is replayed instead: never an error.
 */
public final class AccountEventStore {
    private AccountEventStore() {
    }

    /**
     * A loaded account: its state (empty: no such account), how many events were read, the version of
     * the snapshot it started from (0: none), and why a snapshot was not used, if one was not.
     */
    public record Loaded(Optional<AccountState> state, int eventsRead, int fromSnapshot, Optional<String> warning) {
    }

    /** Loads an account, from its latest snapshot when {@code snapshots} is on. */
    public static Loaded load(Connection connection, String customerId, boolean snapshots) throws SQLException {
        if (snapshots) {
            Optional<String> warning;
            try (PreparedStatement select = Sql.prepare(connection, "SELECT version, payload FROM account_snapshots "
                    + "WHERE stream_id = ? ORDER BY version DESC", customerId)) {
                select.setMaxRows(1);
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        return replay(connection, customerId, Optional.empty(), Optional.empty());
                    }
                    int version = rows.getInt(1);
                    String payload = rows.getString(2);
                    Optional<AccountState> snapshot = AccountState.fromSnapshot(customerId, version, payload);
                    if (snapshot.isPresent()) {
                        try {
                            return replay(connection, customerId, snapshot, Optional.empty());
                        } catch (AccountEvent.MalformedAccountEvent e) {
                            warning = Optional.of("the snapshot of account " + customerId + " at version " + version
                                    + " does not fit its stream (" + e.getMessage() + "); the whole stream replayed");
                        }
                    } else {
                        warning = Optional.of("the snapshot of account " + customerId + " at version " + version
                                + " cannot be read (payload '" + payload + "'); the whole stream replayed");
                    }
                }
            }
            return replay(connection, customerId, Optional.empty(), warning);
        }
        return replay(connection, customerId, Optional.empty(), Optional.empty());
    }

    private static Loaded replay(Connection connection, String customerId, Optional<AccountState> from,
                                 Optional<String> warning) throws SQLException {
        List<AccountEvent> events = new ArrayList<>();
        try (PreparedStatement select = Sql.prepare(connection, "SELECT version, event_type, payload, committed_at_ms "
                + "FROM account_events WHERE stream_id = ? AND version > ? ORDER BY version", customerId,
                from.map(AccountState::version).orElse(0));
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                events.add(event(customerId, rows));
            }
        }
        if (from.isPresent() && events.isEmpty() && !hasEvent(connection, customerId, from.get().version())) {
            throw new AccountEvent.MalformedAccountEvent(customerId, from.get().version(), "the snapshot is beyond "
                    + "the stream's last event");
        }
        return new Loaded(AccountState.replay(from, events), events.size(), from.map(AccountState::version).orElse(0),
                warning);
    }

    /** Whether the stream has an event at this version (a lookup by the primary key, not a scan of the stream). */
    private static boolean hasEvent(Connection connection, String customerId, int version) throws SQLException {
        try (PreparedStatement select = Sql.prepare(connection,
                "SELECT 1 FROM account_events WHERE stream_id = ? AND version = ?", customerId, version);
             ResultSet rows = select.executeQuery()) {
            return rows.next();
        }
    }

    /**
     * Appends one event; with {@code snapshotEvery} above 0, an event at a multiple of it is appended
     * with a snapshot of {@code after}, the state it gives. A version taken is a conflict (SQLState 40001).
     */
    public static void append(Connection connection, AccountEvent event, AccountState after, int snapshotEvery)
            throws SQLException {
        try {
            Sql.update(connection, "INSERT INTO account_events (stream_id, version, event_type, payload, "
                    + "committed_at_ms) VALUES (?, ?, ?, ?, ?)", event.customerId(), event.version(),
                    event.type().name(), event.payload(), event.committedAtMs());
        } catch (SQLException e) {
            if (Sql.isDuplicateKey(e)) {
                throw new SQLException("version conflict on account " + event.customerId() + " at version "
                        + event.version() + ": another transaction appended it first",
                        OrderEventStore.VERSION_CONFLICT_STATE, e);
            }
            throw e;
        }
        if (snapshotEvery > 0 && event.version() % snapshotEvery == 0) {
            Sql.update(connection, "INSERT INTO account_snapshots (stream_id, version, payload, taken_at_ms) VALUES "
                    + "(?, ?, ?, ?)", after.customerId(), after.version(), after.snapshotPayload(),
                    event.committedAtMs());
        }
    }

    /**
     * Every account's balance replayed from its whole stream (for the audit: snapshots are not trusted
     * there); a stream that cannot be replayed is left out and said in {@code unreadable}.
     */
    public static Map<String, Long> balances(Connection connection, List<String> unreadable) throws SQLException {
        Map<String, List<AccountEvent>> streams = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT stream_id, version, event_type, payload, "
                + "committed_at_ms FROM account_events ORDER BY stream_id, version");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                String customerId = rows.getString(1);
                try {
                    AccountEvent event = new AccountEvent(customerId, rows.getInt(2),
                            AccountEvent.Type.valueOf(rows.getString(3)), rows.getString(4), rows.getLong(5));
                    streams.computeIfAbsent(customerId, id -> new ArrayList<>()).add(event);
                } catch (IllegalArgumentException e) {
                    unreadable.add("account " + customerId + ", event version " + rows.getInt(2)
                            + ": unknown event type '" + rows.getString(3) + "'");
                    streams.put(customerId, null);
                }
            }
        }
        Map<String, Long> balances = new TreeMap<>();
        streams.forEach((customerId, events) -> {
            if (events == null) {
                return;
            }
            try {
                AccountState.replay(events).ifPresent(state -> balances.put(customerId, state.balanceCents()));
            } catch (AccountEvent.MalformedAccountEvent e) {
                unreadable.add(e.getMessage());
            }
        });
        return balances;
    }

    private static AccountEvent event(String customerId, ResultSet rows) throws SQLException {
        String type = rows.getString(2);
        AccountEvent.Type parsed;
        try {
            parsed = AccountEvent.Type.valueOf(type);
        } catch (IllegalArgumentException e) {
            throw new AccountEvent.MalformedAccountEvent(customerId, rows.getInt(1), "unknown event type '" + type
                    + "'");
        }
        return new AccountEvent(customerId, rows.getInt(1), parsed, rows.getString(3), rows.getLong(4));
    }
}
