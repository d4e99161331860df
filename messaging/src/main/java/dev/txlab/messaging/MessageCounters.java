package dev.txlab.messaging;

import dev.txlab.messaging.spi.TransportInterceptor;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts a run's messages at the transport decorator point: published, delivered, redelivered (a
 * message a group had seen before), failed deliveries; the inboxes add the duplicates they skipped.
 */
public final class MessageCounters implements TransportInterceptor {
    private final LongAdder published = new LongAdder();
    private final LongAdder delivered = new LongAdder();
    private final LongAdder redelivered = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder duplicatesSkipped = new LongAdder();
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    @Override
    public void published(String destination, Message message) {
        published.increment();
    }

    @Override
    public Delivery delivering(String destination, String group, Message message) {
        delivered.increment();
        if (!seen.add(destination + "|" + group + "|" + message.messageId())) {
            redelivered.increment();
        }
        return Delivery.HANDLE;
    }

    @Override
    public void failed(String destination, String group, Message message, Exception failure) {
        failed.increment();
    }

    /** Called by an inbox that skipped a message it had handled already. */
    public void duplicateSkipped() {
        duplicatesSkipped.increment();
    }

    /** The counts so far. */
    public record Counts(long published, long delivered, long redelivered, long failedDeliveries,
                         long duplicatesSkipped) {
    }

    public Counts counts() {
        return new Counts(published.sum(), delivered.sum(), redelivered.sum(), failed.sum(), duplicatesSkipped.sum());
    }
}
