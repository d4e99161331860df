package dev.txlab.messaging.outbox;

import dev.txlab.harness.fault.CrashPoint;
import dev.txlab.messaging.spi.Transport;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Where an {@link OutboxRelay} finds what one database committed and has not published yet, and how
 * it marks what the broker confirmed: the outbox table ({@link OutboxTable}), or the orders event
 * store ({@link OrderEventOutbox}).
 *
 * @param <K> what identifies one unpublished item for its mark
 */
public interface RelaySource<K> {
    /** One item to publish: what marks it, and the message with its destination. */
    record Pending<K>(K key, Transport.Outgoing outgoing) {
    }

    /** Up to {@code limit} unpublished items, in the order they must be published. */
    List<Pending<K>> unpublished(Connection connection, int limit) throws SQLException;

    /** Marks published items, in the caller's transaction. */
    void markPublished(Connection connection, List<K> keys) throws SQLException;

    /** How many items wait to be published. */
    long countUnpublished(Connection connection) throws SQLException;

    /** The crash point between the local commit that wrote an item and its publication. */
    default CrashPoint beforePublish() {
        return CrashPoint.SAGA_AFTER_LOCAL_COMMIT_BEFORE_PUBLISH;
    }
}
