package dev.txlab.messaging.inbox;

import dev.txlab.messaging.Message;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
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
     * Handles the message once: true when it was handled now, false when it had been already (the
     * caller acknowledges it either way). A failure rolls everything back and is thrown.
     */
    public boolean process(Message message, Work work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            try {
                if (seen(connection, message)) {
                    connection.rollback();
                    return false;
                }
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO inbox (message_id, consumer, processed_at_ms) VALUES (?, ?, ?)")) {
                    insert.setString(1, message.messageId());
                    insert.setString(2, consumer);
                    insert.setLong(3, clock.millis());
                    insert.executeUpdate();
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

    private boolean seen(Connection connection, Message message) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM inbox WHERE message_id = ? AND consumer = ?")) {
            select.setString(1, message.messageId());
            select.setString(2, consumer);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** A concurrent duplicate inserted the inbox row first (unique violation, SQL state class 23). */
    private static boolean isDuplicateKey(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("23");
    }
}
