package dev.txlab.messaging;

import dev.txlab.harness.placement.Batching;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How a consumer thread takes a batch from what its broker client has for it: wait a while for the
 * first delivery, then take more, up to the batch size: at once what is there (no linger), or waiting
 * up to the linger for more.
 */
public final class DeliveryBatches {
    private DeliveryBatches() {
    }

    /** Where a consumer thread's deliveries come from. */
    @FunctionalInterface
    public interface Source<D> {
        /** The next delivery, waiting up to {@code wait} for it (zero: only one already there); null if none. */
        D next(Duration wait) throws Exception;
    }

    /** A batch: empty when no delivery came within {@code firstWait}. */
    public static <D> List<D> take(Source<D> source, Batching batching, Duration firstWait) throws Exception {
        D first = source.next(firstWait);
        if (first == null) {
            return List.of();
        }
        List<D> batch = new ArrayList<>(Math.min(batching.size(), 64));
        batch.add(first);
        long lingerEnd = System.nanoTime() + batching.linger().toNanos();
        while (batch.size() < batching.size()) {
            long left = lingerEnd - System.nanoTime();
            D next = source.next(left > 0 ? Duration.ofNanos(left) : Duration.ZERO);
            if (next == null) {
                break;
            }
            batch.add(next);
        }
        return batch;
    }
}
