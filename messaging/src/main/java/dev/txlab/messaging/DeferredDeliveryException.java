package dev.txlab.messaging;

import java.time.Duration;

/**
 * Thrown at the transport decorator point to hold a delivery back (a message fault): the adapter
 * hands it to its consumer group again after {@link #delay()}, without blocking the consumer
 * thread and without counting it as a failed attempt, so later messages can overtake it.
 */
public final class DeferredDeliveryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Duration delay;

    public DeferredDeliveryException(Message message, Duration delay) {
        super("delivery of " + message.messageId() + " held back for " + delay.toMillis() + " ms (fault plan)", null,
                false, false);
        this.delay = delay;
    }

    public Duration delay() {
        return delay;
    }
}
