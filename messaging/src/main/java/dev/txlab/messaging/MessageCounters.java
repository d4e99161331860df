package dev.txlab.messaging;

import dev.txlab.harness.cost.MessageCounts;
import dev.txlab.messaging.spi.TransportInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts a run's messages at the transport decorator point: published, delivered, redelivered (a
 * delivery of a message whose earlier delivery to that group failed), failed deliveries,
 * dead-lettered; the inboxes add the duplicates
 * they skipped, the sagas' handlers the late actions that found their compensation done, and the
 * background threads their failures. It remembers only the deliveries that failed and have not come
 * again, so its memory stays flat however long the run (a duplicate of a handled message is the
 * inbox's to count, as a duplicate skipped).
 */
public final class MessageCounters implements TransportInterceptor, BackgroundFailures {
    private static final Logger LOG = LoggerFactory.getLogger(MessageCounters.class);

    private final LongAdder published = new LongAdder();
    private final LongAdder delivered = new LongAdder();
    private final LongAdder redelivered = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder duplicatesSkipped = new LongAdder();
    private final LongAdder deadLettered = new LongAdder();
    private final LongAdder lateActions = new LongAdder();
    private final LongAdder backgroundFailures = new LongAdder();
    private final LongAdder batches = new LongAdder();
    private final LongAdder batchedDeliveries = new LongAdder();
    private final AtomicLong largestBatch = new AtomicLong();
    private final Set<String> failedNotYetAgain = ConcurrentHashMap.newKeySet();

    @Override
    public void published(String destination, Message message) {
        published.increment();
    }

    @Override
    public Delivery delivering(String destination, String group, Message message) {
        delivered.increment();
        if (failedNotYetAgain.remove(delivery(destination, group, message))) {
            redelivered.increment();
        }
        return Delivery.HANDLE;
    }

    @Override
    public void failed(String destination, String group, Message message, Exception failure) {
        failed.increment();
        failedNotYetAgain.add(delivery(destination, group, message));
    }

    private static String delivery(String destination, String group, Message message) {
        return destination + "|" + group + "|" + message.messageId();
    }

    /** How many failed deliveries the counters remember until they come again (what they keep in memory). */
    int remembered() {
        return failedNotYetAgain.size();
    }

    @Override
    public void deadLettered(String destination, String group, String reason) {
        deadLettered.increment();
    }

    /** Called by an inbox that skipped a message it had handled already. */
    public void duplicateSkipped() {
        duplicatesSkipped.increment();
    }

    /** Called by a consumer after a local transaction that handled {@code deliveries} deliveries committed. */
    public void batchCommitted(int deliveries) {
        batches.increment();
        batchedDeliveries.add(deliveries);
        largestBatch.accumulateAndGet(deliveries, Math::max);
    }

    /** Called by a saga handler whose action found its compensation done (committed, no effect). */
    public void lateAction() {
        lateActions.increment();
    }

    /** Logs a background thread's failure with its cause, and counts it. */
    @Override
    public void failed(String thread, Exception failure) {
        backgroundFailures.increment();
        LOG.warn("{} failed and carries on: {}", thread, failure.getMessage(), failure);
    }

    /** The counts so far. */
    public MessageCounts counts() {
        return new MessageCounts(published.sum(), delivered.sum(), redelivered.sum(), failed.sum(),
                duplicatesSkipped.sum(), deadLettered.sum(), 0, lateActions.sum(), backgroundFailures.sum(), batches.sum(),
                batchedDeliveries.sum(), largestBatch.get());
    }
}
