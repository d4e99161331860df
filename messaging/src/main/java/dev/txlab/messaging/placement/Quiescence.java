package dev.txlab.messaging.placement;

import dev.txlab.domain.service.OrderBook;
import dev.txlab.harness.cost.MessageCounts;
import dev.txlab.messaging.MessageCounters;
import dev.txlab.messaging.ServiceEndpoint;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;

/**
 * When a saga run has nothing left to do: no late delivery of the fault plan still held back, no
 * order PENDING, the protocol's own state settled, no handler busy and no outbox row waiting, and
 * that stayed so for {@link #QUIET_WINDOW} with no message published or delivered meanwhile (a
 * message on its way between a relay and a consumer is in none of those places).
 */
final class Quiescence {
    private static final Duration POLL = Duration.ofMillis(20);
    /** How long everything must stay quiet, with no message published or delivered, to count as quiescent. */
    private static final Duration QUIET_WINDOW = Duration.ofMillis(200);

    /** A check of the protocol's own state (a saga log with no running instance). */
    @FunctionalInterface
    interface Check {
        boolean holds() throws SQLException;
    }

    private final DataSource orders;
    private final List<ServiceEndpoint> endpoints;
    private final MessageCounters counters;
    private final LongSupplier awaitedLateDeliveries;

    Quiescence(DataSource orders, Collection<ServiceEndpoint> endpoints, MessageCounters counters,
               LongSupplier awaitedLateDeliveries) {
        this.orders = orders;
        this.endpoints = List.copyOf(endpoints);
        this.counters = counters;
        this.awaitedLateDeliveries = awaitedLateDeliveries;
    }

    /** Waits until the run is quiescent, or until {@code max} passed. */
    void await(Duration max, Check settled) {
        long deadline = System.nanoTime() + max.toNanos();
        MessageCounts quietWith = null;
        long quietSince = 0;
        while (System.nanoTime() < deadline) {
            MessageCounts counts = counters.counts();
            if (!quiet(settled)) {
                quietWith = null;
            } else if (!counts.equals(quietWith)) {
                quietWith = counts;
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince >= QUIET_WINDOW.toNanos()) {
                return;
            }
            LockSupport.parkNanos(POLL.toNanos());
        }
    }

    /**
     * Checked in this order because a handler commits an order's new state together with the
     * outbox rows it sends: state first, outboxes last, so a commit between the checks is seen.
     */
    private boolean quiet(Check settled) {
        try {
            if (awaitedLateDeliveries.getAsLong() > 0 || pendingOrders() > 0 || !settled.holds()) {
                return false;
            }
            for (ServiceEndpoint endpoint : endpoints) {
                if (endpoint.handling()) {
                    return false;
                }
            }
            for (ServiceEndpoint endpoint : endpoints) {
                if (endpoint.unpublished() > 0) {
                    return false;
                }
            }
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private long pendingOrders() throws SQLException {
        try (Connection connection = orders.getConnection()) {
            long pending = OrderBook.pending(connection);
            connection.rollback();
            return pending;
        }
    }
}
