package dev.txlab.messaging.outbox;

import dev.txlab.messaging.Message;
import dev.txlab.messaging.MessageCodec;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/** Writes messages as outbox rows inside the caller's transaction; the relay publishes them after commit. */
public final class Outbox {
    private final MessageCodec codec;
    private final AtomicLong sequence;

    public Outbox(MessageCodec codec, Clock clock) {
        this.codec = codec;
        this.sequence = new AtomicLong(clock.millis() * 1_000);
    }

    /** Adds a message for a destination, in the transaction of {@code connection}. */
    public void append(Connection connection, String destination, Message message) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO outbox (message_id, destination, correlation_id, body, seq, published)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, message.messageId());
            insert.setString(2, destination);
            insert.setString(3, message.correlationId());
            insert.setString(4, new String(codec.encode(message), StandardCharsets.UTF_8));
            insert.setLong(5, sequence.incrementAndGet());
            insert.setBoolean(6, false);
            insert.executeUpdate();
        }
    }
}
