package dev.txlab.messaging.spi;

import dev.txlab.messaging.Message;

/**
 * Handles one delivered message; returning acknowledges it, throwing asks for a redelivery
 * (throwing {@link dev.txlab.messaging.MalformedMessageException} sends it to the dead-letter
 * destination at once: a message no attempt can handle, such as an unknown type).
 */
@FunctionalInterface
public interface MessageHandler {
    void handle(Message message) throws Exception;

    /** Told by the transport when a delivery went to the dead-letter destination instead, and why. */
    default void deadLettered(String reason) {
    }
}
