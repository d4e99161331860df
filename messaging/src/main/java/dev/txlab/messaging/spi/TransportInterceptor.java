package dev.txlab.messaging.spi;

import dev.txlab.messaging.Message;

import java.util.List;

/**
 * Sees every publish and every delivery of a transport, at its one decorator point
 * ({@link dev.txlab.messaging.DecoratedTransport}): counters, and later the network delay and
 * message faults, hook in here. Must be thread-safe and cheap.
 */
public interface TransportInterceptor {
    /** What happens to one delivery. */
    enum Delivery {
        /** Hand it to the handler once (the normal case). */
        HANDLE,
        /** Lose it before the ack: the handler does not see it, the broker delivers it again. */
        DROP_BEFORE_ACK,
        /** Hand it to the handler twice, as a broker redelivering an acknowledged message would. */
        DUPLICATE
    }

    /**
     * Once per publish or relay batch, on the publishing thread, before its messages leave for the
     * broker (the network delay waits here: a batch travels together).
     */
    default void leaving(List<Transport.Outgoing> messages) {
    }

    /** Before a publish; throwing makes the publish fail (a broker that is unavailable). */
    default void publishing(String destination, Message message) {
    }

    default void published(String destination, Message message) {
    }

    /**
     * A delivery is about to be handled by a consumer group; the answer says how (faults). Throwing
     * makes the delivery fail, so it comes again.
     */
    default Delivery delivering(String destination, String group, Message message) {
        return Delivery.HANDLE;
    }

    /** A delivery's handler failed; the message will come again or go to the dead-letter destination. */
    default void failed(String destination, String group, Message message, Exception failure) {
    }

    /** A delivery went to the dead-letter destination (its last attempt failed, or no attempt could handle it). */
    default void deadLettered(String destination, String group, String reason) {
    }
}
