package dev.txlab.messaging.inbox;

import dev.txlab.messaging.Message;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Runs a consumer's handling of a message in ONE local transaction with its inbox row, so a
 * duplicate delivery finds the row and has no second effect.
 */
public final class Inbox {
    private final DataSource dataSource;
    private final String consumer;
    private final Clock clock;

    public Inbox(DataSource dataSource, String consumer, Clock clock) {
        this.dataSource = dataSource;
        this.consumer = consumer;
        this.clock = clock;
    }

    /** The handler's work on the transaction's connection: state change and outbox rows. */
    @FunctionalInterface
    public interface Work {
        void run(Connection connection) throws SQLException;
    }

    /**
     * Handles the message once, in a local transaction of its own: true when it was handled now,
     * false when it had been already (the caller acknowledges it either way). A failure rolls
     * everything back and is thrown.
     */
    public boolean process(Message message, Work work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            try {
                if (!record(connection, message)) {
                    connection.rollback();
                    return false;
                }
                work.run(connection);
                connection.commit();
                return true;
            } catch (SQLException e) {
                connection.rollback();
                if (isDuplicateKey(e)) {
                    return false;
                }
                throw e;
            } catch (RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /**
     * Records the message in the inbox, in the caller's transaction: true when it is new (its work
     * is to be done in that transaction), false when this consumer had it already (also earlier in
     * the same transaction).
     */
    public boolean record(Connection connection, Message message) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM inbox WHERE message_id = ? AND consumer = ?")) {
            select.setString(1, message.messageId());
            select.setString(2, consumer);
            try (ResultSet rows = select.executeQuery()) {
                if (rows.next()) {
                    return false;
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO inbox (message_id, consumer, processed_at_ms) VALUES (?, ?, ?)")) {
            insert.setString(1, message.messageId());
            insert.setString(2, consumer);
            insert.setLong(3, clock.millis());
            insert.executeUpdate();
        }
        return true;
    }

    /**
     * Records a batch of messages in the inbox, in the caller's transaction, with one query for
     * those already there and one insert of the new ones (one statement of several rows, which every
     * store takes as one request): per message, true when it is new (its work is to
     * be done in that transaction), false when this consumer had it already, earlier in the batch
     * included.
     */
    public boolean[] recordAll(Connection connection, List<Message> messages) throws SQLException {
        Set<String> known = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT message_id FROM inbox WHERE consumer = ?"
                + " AND message_id IN (" + String.join(", ", Collections.nCopies(messages.size(), "?")) + ")")) {
            select.setString(1, consumer);
            for (int i = 0; i < messages.size(); i++) {
                select.setString(i + 2, messages.get(i).messageId());
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    known.add(rows.getString(1));
                }
            }
        }
        boolean[] isNew = new boolean[messages.size()];
        List<String> newIds = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            isNew[i] = known.add(messages.get(i).messageId());
            if (isNew[i]) {
                newIds.add(messages.get(i).messageId());
            }
        }
        if (!newIds.isEmpty()) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO inbox (message_id, consumer,"
                    + " processed_at_ms) VALUES " + String.join(", ", Collections.nCopies(newIds.size(), "(?, ?, ?)")))) {
                long now = clock.millis();
                for (int i = 0; i < newIds.size(); i++) {
                    insert.setString(3 * i + 1, newIds.get(i));
                    insert.setString(3 * i + 2, consumer);
                    insert.setLong(3 * i + 3, now);
                }
                insert.executeUpdate();
            }
        }
        return isNew;
    }

    /** A concurrent duplicate inserted the inbox row first (unique violation, SQL state class 23). */
    public static boolean isDuplicateKey(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("23");
    }
}
