package dev.txlab.messaging.spi;

import dev.txlab.harness.placement.Batching;
import dev.txlab.harness.retry.RetryPolicy;
import dev.txlab.messaging.Message;

import java.time.Duration;
import java.util.List;

/**
 * A message broker seen by the sagas. Publishing is durable when the run's durability asks for it.
 * A subscription delivers at least once: a message is acknowledged only after its handler returned
 * (so after the consumer's local transaction committed); a failing handler gets the message again
 * after a back-off, as {@link #REDELIVERY} says (5 times in all), then the message goes to the
 * destination's dead-letter destination with the failure reason. Messages with one correlation id
 * keep their order on one destination, also when a group has several consumers.
 */
public interface Transport extends AutoCloseable {
    /** How a failed message is delivered again: 5 deliveries in all, 20 ms after the first, doubling to 1 s. */
    RetryPolicy REDELIVERY = new RetryPolicy(5, Duration.ofMillis(20), Duration.ofSeconds(1));
    String DEAD_LETTER_SUFFIX = ".dead-letter";
    /**
     * The consumer group that keeps every dead letter of a destination from the moment the
     * destination is first subscribed; subscribe it to a dead-letter destination to read them.
     */
    String DEAD_LETTER_GROUP = "dead-letters";

    void publish(String destination, Message message);

    /** A message and where it goes. */
    record Outgoing(String destination, Message message) {
    }

    /**
     * Publishes several messages in order, returning once all are stored (the outbox relay's batch);
     * an adapter may store them together, with one write to its log.
     */
    default void publishAll(List<Outgoing> messages) {
        for (Outgoing outgoing : messages) {
            publish(outgoing.destination(), outgoing.message());
        }
    }

    /**
     * Subscribes a consumer group (each group gets every message once) with {@code consumers}
     * threads sharing its messages; messages of one correlation id go to one thread at a time, in
     * order. Each thread takes its deliveries as {@code batching} says and hands them to the handler
     * together; the handled ones are acknowledged together.
     */
    Subscription subscribe(String destination, String group, int consumers, Batching batching, BatchHandler handler);

    /**
     * Subscribes a consumer group with {@code consumers} threads, each handing its deliveries to the
     * handler one at a time.
     */
    default Subscription subscribe(String destination, String group, int consumers, MessageHandler handler) {
        return subscribe(destination, group, consumers, Batching.NAIVE, BatchHandler.oneByOne(handler));
    }

    /** Subscribes a consumer group with one consumer thread. */
    default Subscription subscribe(String destination, String group, MessageHandler handler) {
        return subscribe(destination, group, 1, handler);
    }

    /** Where the messages of a destination that could not be handled end up. */
    static String deadLetterDestination(String destination) {
        return destination + DEAD_LETTER_SUFFIX;
    }

    /** True for a destination named by {@link #deadLetterDestination}. */
    static boolean isDeadLetterDestination(String destination) {
        return destination.endsWith(DEAD_LETTER_SUFFIX);
    }

    @Override
    void close();
}
