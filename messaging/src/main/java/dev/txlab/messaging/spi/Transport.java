package dev.txlab.messaging.spi;

import dev.txlab.messaging.Message;

/**
 * A message broker seen by the sagas. Publishing is durable when the run's durability asks for it.
 * A subscription delivers at least once: a message is acknowledged only after its handler returned
 * (so after the consumer's local transaction committed); a failing handler gets the message again
 * after a back-off, at most {@link #MAX_ATTEMPTS} times in all, then the message goes to the
 * destination's dead-letter destination with the failure reason. Messages with one correlation id
 * keep their order on one destination.
 */
public interface Transport extends AutoCloseable {
    int MAX_ATTEMPTS = 5;

    void publish(String destination, Message message);

    /** Subscribes a consumer group (each group gets every message once; its members share them). */
    Subscription subscribe(String destination, String group, MessageHandler handler);

    /** Where the messages of a destination that could not be handled end up. */
    static String deadLetterDestination(String destination) {
        return destination + ".dead-letter";
    }

    @Override
    void close();
}
