package dev.txlab.messaging;

import java.time.Duration;

/**
 * Thrown at the transport decorator point to hold a delivery back (a message fault, or a delivery
 * that waits for an earlier failed one of its order): the adapter
 * hands it to its consumer group again after {@link #delay()}, without blocking the consumer
 * thread and without counting it as a failed attempt, so later messages can overtake it.
 */
public final class DeferredDeliveryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Duration delay;

    public DeferredDeliveryException(Message message, Duration delay) {
        this("delivery of " + message.messageId() + " held back for " + delay.toMillis() + " ms (fault plan)", delay);
    }

    /** A delivery held back for another reason than the fault plan's, which the message says. */
    public DeferredDeliveryException(String why, Duration delay) {
        super(why, null, false, false);
        this.delay = delay;
    }

    public Duration delay() {
        return delay;
    }
}
