package dev.txlab.messaging;

import dev.txlab.messaging.spi.Transport;

import java.time.Duration;

/**
 * What a transport does with a delivery whose handler did not succeed, decided once for every
 * adapter (each translates the verdict into its broker's calls): a delivery the fault plan holds
 * back is deferred; a message no attempt can handle is dead-lettered at once; any other failure is
 * redelivered after the {@link Transport#REDELIVERY} policy's pause, and dead-lettered when that
 * policy's attempts are spent.
 */
public sealed interface DeliveryVerdict {

    /** Hold the delivery back for {@code delay}, without spending an attempt. */
    record Defer(Duration delay) implements DeliveryVerdict {
    }

    /** Deliver the message again after {@code delay}. */
    record Redeliver(Duration delay) implements DeliveryVerdict {
    }

    /** Send the message to the dead-letter destination with the reason, and acknowledge it. */
    record DeadLetterIt(String reason, int attempts) implements DeliveryVerdict {
    }

    /**
     * The verdict on a delivery whose handler threw {@code failure}; {@code failedAttempts} counts
     * this one (deferrals and malformed messages are not counted).
     */
    static DeliveryVerdict after(Exception failure, int failedAttempts) {
        if (failure instanceof DeferredDeliveryException deferred) {
            return new Defer(deferred.delay());
        }
        if (failure instanceof MalformedMessageException) {
            return new DeadLetterIt(failure.getMessage(), 1);
        }
        return Transport.REDELIVERY.retriesAfter(failedAttempts)
                ? new Redeliver(Transport.REDELIVERY.delay(failedAttempts))
                : new DeadLetterIt(String.valueOf(failure), failedAttempts);
    }

    /** Whether a failure counts as an attempt: a deferral or a malformed message does not. */
    static boolean countsAsAttempt(Exception failure) {
        return !(failure instanceof DeferredDeliveryException) && !(failure instanceof MalformedMessageException);
    }
}
