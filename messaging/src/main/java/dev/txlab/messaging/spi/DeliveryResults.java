package dev.txlab.messaging.spi;

import dev.txlab.messaging.DeferredDeliveryException;
import dev.txlab.messaging.Message;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How each delivery of a batch ended: handled, or failed with its reason (which the transport turns
 * into a {@link dev.txlab.messaging.DeliveryVerdict}). Keeps one order's messages in order: once a
 * delivery failed, a later delivery of the same correlation id in the batch is not handled but held
 * back until after the failed one comes again ({@link #waitingFor}).
 */
public final class DeliveryResults {
    private final List<Message> messages;
    private final Exception[] failures;
    /** Per correlation id that failed in this batch: how long until its failed delivery comes again, at most. */
    private final Map<String, Duration> failedOrders = new HashMap<>();

    public DeliveryResults(List<Message> messages) {
        this.messages = List.copyOf(messages);
        this.failures = new Exception[messages.size()];
    }

    public int size() {
        return messages.size();
    }

    public Message message(int index) {
        return messages.get(index);
    }

    /** Records that delivery {@code index} failed (the first failure recorded for it stands). */
    public void failed(int index, Exception failure) {
        if (failures[index] == null) {
            failures[index] = failure;
        }
        Duration comesAgainWithin = failure instanceof DeferredDeliveryException deferred ? deferred.delay()
                : Transport.REDELIVERY.maxDelay();
        failedOrders.merge(messages.get(index).correlationId(), comesAgainWithin,
                (a, b) -> a.compareTo(b) >= 0 ? a : b);
    }

    /** Why delivery {@code index} was not handled; empty when it was. */
    public Optional<Exception> failure(int index) {
        return Optional.ofNullable(failures[index]);
    }

    /**
     * A hold-back for delivery {@code index} when an earlier delivery of its order failed in this
     * batch: it comes again after that one does. Empty when it may be handled now.
     */
    public Optional<Exception> waitingFor(int index) {
        Message message = messages.get(index);
        Duration failedComesAgain = failedOrders.get(message.correlationId());
        if (failedComesAgain == null) {
            return Optional.empty();
        }
        return Optional.of(new DeferredDeliveryException("delivery of " + message.messageId() + " waits for an"
                + " earlier failed delivery of " + message.correlationId(), failedComesAgain.plusMillis(1)));
    }

    /**
     * Holds delivery {@code index} back when an earlier delivery of its order failed in this batch
     * (recording why, as {@link #waitingFor} says); true when it was, and must not be handled now.
     */
    public boolean heldBackBehindAFailure(int index) {
        Optional<Exception> waiting = waitingFor(index);
        waiting.ifPresent(reason -> failed(index, reason));
        return waiting.isPresent();
    }

    /** How many deliveries were handled. */
    public int handled() {
        int handled = 0;
        for (Exception failure : failures) {
            handled += failure == null ? 1 : 0;
        }
        return handled;
    }
}
