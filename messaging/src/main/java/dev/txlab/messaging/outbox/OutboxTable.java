package dev.txlab.messaging.outbox;

import dev.txlab.messaging.MessageCodec;
import dev.txlab.messaging.spi.Transport;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The outbox table's rows ({@link Outbox}) as a relay's source, in sequence order, each marked by its message id. */
public final class OutboxTable implements RelaySource<String> {
    private final MessageCodec codec;

    public OutboxTable(MessageCodec codec) {
        this.codec = codec;
    }

    @Override
    public List<Pending<String>> unpublished(Connection connection, int limit) throws SQLException {
        List<Pending<String>> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT message_id, destination, body FROM outbox WHERE published = ? ORDER BY seq")) {
            select.setBoolean(1, false);
            select.setMaxRows(limit);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(new Pending<>(result.getString(1), new Transport.Outgoing(result.getString(2),
                            codec.decode(result.getString(3).getBytes(StandardCharsets.UTF_8)))));
                }
            }
        }
        return rows;
    }

    @Override
    public void markPublished(Connection connection, List<String> messageIds) throws SQLException {
        try (PreparedStatement mark = connection.prepareStatement(markStatement(messageIds.size()))) {
            mark.setBoolean(1, true);
            for (int i = 0; i < messageIds.size(); i++) {
                mark.setString(i + 2, messageIds.get(i));
            }
            mark.executeUpdate();
        }
    }

    /**
     * Marks a batch with one statement, by message id: not by a range of sequence numbers, since a
     * row with a number inside the range may commit after the select and is then not published yet.
     */
    private static String markStatement(int rows) {
        return "UPDATE outbox SET published = ? WHERE message_id IN (" + String.join(", ", Collections.nCopies(rows, "?"))
                + ")";
    }

    @Override
    public long countUnpublished(Connection connection) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM outbox WHERE published = ?")) {
            count.setBoolean(1, false);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
