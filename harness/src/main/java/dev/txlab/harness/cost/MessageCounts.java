package dev.txlab.harness.cost;

/**
 * A run's messages, counted at the transport decorator point: published, delivered to a handler
 * (redeliveries included), redelivered (a message a consumer group had seen before), deliveries
 * whose handler failed, duplicates the inboxes skipped, and messages sent to a dead-letter
 * destination, deliveries a message fault of the run's fault plan held back (a delay, a late
 * delivery or a broker outage; the simulated network's hop delay is not a fault and is not counted
 * here), late actions: a saga step's action that arrived after its compensation had run and so
 * had no effect (the participant answered "already compensated"), and failures of background
 * threads (a relay's publish, a reply-timeout sweep) that they carried on from. Then the consumers'
 * batches: local transactions that handled deliveries ({@code batches}), the deliveries they handled
 * ({@code batchedDeliveries}, duplicates skipped included), and the most one of them held
 * ({@code largestBatch}, over the whole run: differences and sums keep the larger).
 */
public record MessageCounts(long published, long delivered, long redelivered, long failedDeliveries,
                            long duplicatesSkipped, long deadLettered, long heldBack, long lateActions,
                            long backgroundFailures, long batches, long batchedDeliveries, long largestBatch) {
    public static final MessageCounts NONE = new MessageCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** What was counted between an earlier snapshot and this one. */
    public MessageCounts minus(MessageCounts earlier) {
        return new MessageCounts(published - earlier.published, delivered - earlier.delivered,
                redelivered - earlier.redelivered, failedDeliveries - earlier.failedDeliveries,
                duplicatesSkipped - earlier.duplicatesSkipped, deadLettered - earlier.deadLettered,
                heldBack - earlier.heldBack, lateActions - earlier.lateActions,
                backgroundFailures - earlier.backgroundFailures, batches - earlier.batches,
                batchedDeliveries - earlier.batchedDeliveries, Math.max(largestBatch, earlier.largestBatch));
    }

    /** The sum of two counts, e.g. of two phases of a run. */
    public MessageCounts plus(MessageCounts other) {
        return new MessageCounts(published + other.published, delivered + other.delivered,
                redelivered + other.redelivered, failedDeliveries + other.failedDeliveries,
                duplicatesSkipped + other.duplicatesSkipped, deadLettered + other.deadLettered,
                heldBack + other.heldBack, lateActions + other.lateActions,
                backgroundFailures + other.backgroundFailures, batches + other.batches,
                batchedDeliveries + other.batchedDeliveries, Math.max(largestBatch, other.largestBatch));
    }

    /** These counts with the number of deliveries a fault held back. */
    public MessageCounts withHeldBack(long count) {
        return new MessageCounts(published, delivered, redelivered, failedDeliveries, duplicatesSkipped, deadLettered,
                count, lateActions, backgroundFailures, batches, batchedDeliveries, largestBatch);
    }

    /** Deliveries per consumer transaction, on average (0 when no batch was counted). */
    public double meanBatch() {
        return batches == 0 ? 0 : (double) batchedDeliveries / batches;
    }
}
