package dev.txlab.harness.placement;

import dev.txlab.domain.model.OrderRequest;
import dev.txlab.harness.cost.MessageCounts;
import dev.txlab.harness.network.SimulatedDelay;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One way of placing an order: the contract every implementation (local-baseline, xa-narayana,
 * xa-atomikos, saga-choreo, saga-orch) satisfies. {@link #submit} returns once the order is
 * acknowledged (durably accepted) and hands back a completion for its final outcome.
 */
public interface OrderPlacement extends AutoCloseable {

    ImplementationId id();

    /** Starts whatever the implementation runs beside its callers (consumers, relays, recovery). */
    void start();

    /**
     * Submits an order. Returns after the acknowledgement.
     *
     * @throws SubmitFailedException when the order could not be accepted; it then left no trace
     */
    Submission submit(OrderRequest order);

    /** How long after its acknowledgement an order is guaranteed to be terminal (invariant I5). */
    Duration terminationBound();

    /** How the bound is made up, for the output (e.g. "5 attempts x 10 s lock timeout"). */
    String terminationBoundExplained();

    /** The transaction manager and its settings in one line, for implementations that have one. */
    default Optional<String> transactionManagerDescription() {
        return Optional.empty();
    }

    /** The transaction manager's identity, for implementations that have one (the XA ones). */
    /**
     * What the implementation's recovery could not read of its own log (one line each: a transaction
     * manager's record it presumes aborted because it cannot restore it); empty when nothing.
     */
    default List<String> unreadableLogRecords() {
        return List.of();
    }

    default Optional<TmIdentity> tmIdentity() {
        return Optional.empty();
    }

    /** The broker and its settings in one line, for implementations that send messages. */
    default Optional<String> transportDescription() {
        return Optional.empty();
    }

    /** The messages sent so far, for implementations that send messages. */
    default Optional<MessageCounts> messageCounts() {
        return Optional.empty();
    }

    /** The simulated network's delays added to message hops, achieved, for implementations that send messages. */
    default Optional<SimulatedDelay.Achieved> messageHopDelay() {
        return Optional.empty();
    }

    /**
     * Waits, at most {@code max}, until nothing the implementation started is still in flight (for
     * the sagas: no PENDING order, no unpublished message), so an audit sees a quiescent state.
     * Returns at once for the synchronous implementations.
     */
    default void awaitQuiescence(Duration max) {
    }

    @Override
    void close();
}
