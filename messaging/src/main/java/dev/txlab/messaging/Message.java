package dev.txlab.messaging;

import dev.txlab.domain.service.Ids;

import java.time.Instant;
import java.util.Objects;

/**
 * The envelope of every saga message: its id, type, correlation id (the order id), causation id
 * (the message that caused it, or null for the first), timestamp, and JSON payload.
 */
public record Message(String messageId, String type, String correlationId, String causationId, Instant timestamp,
                      String payload) {
    public Message {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(payload, "payload");
    }

    /**
     * A new message with a fresh id that sorts by creation time ({@link Ids#TIME_ORDERED}), so the
     * inboxes and outboxes keyed by it grow at one edge.
     */
    public static Message create(String type, String correlationId, String causationId, Instant timestamp,
                                 String payload) {
        return new Message(Ids.TIME_ORDERED.next(), type, correlationId, causationId, timestamp, payload);
    }
}
