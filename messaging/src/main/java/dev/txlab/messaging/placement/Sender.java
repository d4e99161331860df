package dev.txlab.messaging.placement;

import dev.txlab.messaging.Message;
import dev.txlab.messaging.MessageCodec;
import dev.txlab.messaging.ServiceEndpoint;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;

/**
 * Sends messages of one order through a service's outbox, in one transaction: each message gets a
 * fresh id, the order's id as its correlation id, and the message that caused it (none for the
 * first) as its causation id.
 */
public final class Sender {
    private final ServiceEndpoint endpoint;
    private final Connection connection;
    private final String orderId;
    private final String causationId;
    private final MessageCodec codec;
    private final Clock clock;

    Sender(ServiceEndpoint endpoint, Connection connection, String orderId, String causationId, MessageCodec codec,
           Clock clock) {
        this.endpoint = endpoint;
        this.connection = connection;
        this.orderId = orderId;
        this.causationId = causationId;
        this.codec = codec;
        this.clock = clock;
    }

    /** Adds a message of this type with this payload (as JSON) to the outbox, in the transaction. */
    public void send(String destination, String type, Object payload) throws SQLException {
        endpoint.send(connection, destination,
                Message.create(type, orderId, causationId, clock.instant(), codec.toJson(payload)));
    }
}
