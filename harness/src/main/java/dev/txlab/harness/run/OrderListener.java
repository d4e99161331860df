package dev.txlab.harness.run;

import dev.txlab.harness.placement.OrderResult;
import dev.txlab.harness.placement.SubmitFailedException;

/** Told about every order of a run as it completes; called from the callers' threads. */
public interface OrderListener {
    OrderListener NONE = new OrderListener() {
    };

    /** An order reached its outcome; both latencies measured by the caller with nanoTime. */
    default void completed(OrderResult result, long ackNanos, long outcomeNanos) {
    }

    /** An order was not accepted (infrastructure failure before the acknowledgement; the message names it). */
    default void submitFailed(SubmitFailedException failure) {
    }
}
