package dev.txlab.harness.fault;

import dev.txlab.domain.model.OrderEvent;
import dev.txlab.domain.service.AppendListener;
import dev.txlab.domain.service.OrderEventStore;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * The fault plan at the orders event store's appends. An append that finds its version taken passes
 * {@link CrashPoint#EVENT_VERSION_CONFLICT} (counted, and a halt may be armed there). With a second
 * writer ({@link FaultPlan#secondWriterEvery()} above 0), every N-th decision (an append to a stream
 * that exists) is first appended, the same events at the same version, by a writer of its own in a
 * transaction it commits, as a second instance handling a duplicate of the same delivery would: the
 * service's own append then finds its version taken, and its transaction is retried from the replay.
 * Each stream is raced once; a second write that fails is only not made.
 */
public final class AppendFaults implements AppendListener {
    private final CrashPoints crashPoints;
    private final DataSource orders;
    private final int secondWriterEvery;
    private final AtomicLong decisions = new AtomicLong();
    private final Set<String> raced = ConcurrentHashMap.newKeySet();

    public AppendFaults(CrashPoints crashPoints, DataSource orders, int secondWriterEvery) {
        this.crashPoints = crashPoints;
        this.orders = orders;
        this.secondWriterEvery = secondWriterEvery;
    }

    @Override
    public void beforeAppend(List<OrderEvent> events) {
        OrderEvent first = events.get(0);
        if (secondWriterEvery == 0 || first.version() == 1) {
            return;
        }
        if (decisions.incrementAndGet() % secondWriterEvery == 0 && raced.add(first.orderId())) {
            appendFirst(events);
        }
    }

    private void appendFirst(List<OrderEvent> events) {
        try (Connection second = orders.getConnection()) {
            second.setAutoCommit(false);
            OrderEventStore.append(second, events);
            second.commit();
        } catch (SQLException e) {
            // the second write is the fault's, not the run's: when it cannot be made, the stream is only not raced
        }
    }

    @Override
    public void versionTaken(List<OrderEvent> events) {
        crashPoints.hit(CrashPoint.EVENT_VERSION_CONFLICT);
    }
}
