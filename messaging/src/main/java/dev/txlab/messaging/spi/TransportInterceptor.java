package dev.txlab.messaging.spi;

import dev.txlab.messaging.Message;

/**
 * Sees every publish and every delivery of a transport, at its one decorator point
 * ({@link dev.txlab.messaging.DecoratedTransport}): counters, and later the network delay and
 * message faults, hook in here. Must be thread-safe and cheap.
 */
public interface TransportInterceptor {
    default void published(String destination, Message message) {
    }

    /** A delivery is about to be handled by a consumer group. */
    default void delivering(String destination, String group, Message message) {
    }

    /** A delivery's handler failed; the message will come again or go to the dead-letter destination. */
    default void failed(String destination, String group, Message message, Exception failure) {
    }
}
