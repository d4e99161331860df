package dev.txlab.messaging.placement;

import dev.txlab.domain.model.OrderRequest;
import dev.txlab.harness.placement.ImplementationId;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * What makes a saga one kind or the other, on top of the {@link SagaRuntime} both use (made with it,
 * see {@link SagaPlacement}): which handlers the services subscribe, what the acknowledging
 * transaction sends, how long the longest path is.
 */
public interface SagaProtocol {
    ImplementationId id();

    /** Subscribes the services' handlers; called once every endpoint exists, before any relay starts. */
    void subscribe();

    /**
     * The acknowledging transaction's own work on the orders database, after the PENDING order was
     * created: the saga's first message (and, for orchestration, its log entry), sent through {@code sender}.
     */
    void acknowledge(Connection orders, OrderRequest order, Sender sender) throws SQLException;

    /** How many message hops the longest path of an order takes (for the termination bound). */
    int hops();

    /** Called once the relays run: the protocol's own background work starts. */
    default void started() {
    }

    /** Whether the protocol's own state is settled too (beyond orders and outboxes). */
    default boolean settled() throws SQLException {
        return true;
    }

    /** What the protocol adds to the runtime's termination bound (the orchestrator's reply timeouts). */
    default Duration extraBound() {
        return Duration.ZERO;
    }

    /** The same, explained (appended to the runtime's explanation; empty when nothing is added). */
    default String extraBoundExplained() {
        return "";
    }

    /** Stops the protocol's own background work (before the runtime closes). */
    default void close() {
    }
}
