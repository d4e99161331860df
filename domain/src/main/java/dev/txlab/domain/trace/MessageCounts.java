package dev.txlab.domain.trace;

/**
 * A run's messages, counted at the transport decorator point: published, delivered to a handler
 * (redeliveries included), redelivered (a message a consumer group had seen before), deliveries
 * whose handler failed, duplicates the inboxes skipped, and messages sent to a dead-letter
 * destination.
 */
public record MessageCounts(long published, long delivered, long redelivered, long failedDeliveries,
                            long duplicatesSkipped, long deadLettered) {
    public static final MessageCounts NONE = new MessageCounts(0, 0, 0, 0, 0, 0);

    /** What was counted between an earlier snapshot and this one. */
    public MessageCounts minus(MessageCounts earlier) {
        return new MessageCounts(published - earlier.published, delivered - earlier.delivered,
                redelivered - earlier.redelivered, failedDeliveries - earlier.failedDeliveries,
                duplicatesSkipped - earlier.duplicatesSkipped, deadLettered - earlier.deadLettered);
    }
}
