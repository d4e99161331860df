package dev.txlab.messaging;

/**
 * Where a background thread (an outbox relay, the orchestration's reply timeouts) reports a failure
 * it carries on from, so that none vanishes: {@link MessageCounters} logs it with its cause and
 * counts it, and the run prints the count beside its audit.
 */
@FunctionalInterface
public interface BackgroundFailures {
    void failed(String thread, Exception failure);
}
