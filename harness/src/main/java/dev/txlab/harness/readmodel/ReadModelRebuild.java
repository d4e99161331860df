package dev.txlab.harness.readmodel;

import dev.txlab.domain.model.OrderEvent;
import dev.txlab.domain.service.OrderEventStore;
import dev.txlab.harness.audit.Violation;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Rebuilds the read models from zero, never in place: the events projected so far are applied from
 * zero into the shadow tables, without the read models' lock (the live projector goes on). Then,
 * under the lock, the shadow catches up with what the live views took meanwhile (each stream to the
 * version its live summary reflects), is compared with the live views row by row, and replaces them
 * only when every row matches, in the same transaction. When rows differ, the live views stay as
 * they are, the differences are returned, and the shadow keeps the rebuild for inspection.
 */
public final class ReadModelRebuild {
    private ReadModelRebuild() {
    }

    /**
     * What a rebuild did: whether it replaced the live views, how many orders and customers the
     * shadow held, how many streams it caught up under the lock, the rows that differed, its whole
     * time and the time it held the lock (the live projector waited that long).
     */
    public record Result(boolean replaced, int orders, int customers, int caughtUp, List<Violation> differences,
                         Duration took, Duration locked) {
    }

    public static Result rebuild(DataSource orders) throws SQLException {
        long start = System.nanoTime();
        try (Connection connection = orders.getConnection()) {
            Projection fromZero = Projection.fromZero();
            List<String> unreadable = new ArrayList<>();
            OrderEventStore.readAllProjected(connection, unreadable).values()
                    .forEach(events -> events.forEach(event -> applyReadable(fromZero, event)));
            ReadModelTables.SHADOW.clear(connection);
            ReadModelTables.SHADOW.write(connection, fromZero);
            connection.commit();

            long lockedAt = System.nanoTime();
            ReadModelProjector.lock(connection);
            int caughtUp = catchUp(connection);
            List<Violation> differences = new ArrayList<>();
            Map<String, OrderSummary> shadow = ReadModelTables.SHADOW.allSummaries(connection);
            Map<String, CustomerOrders> shadowCustomers = ReadModelTables.SHADOW.allCustomers(connection);
            ReadModelCheck.compare("order summary", "the rebuilt shadow", shadow,
                    ReadModelTables.LIVE.allSummaries(connection), differences);
            ReadModelCheck.compare("per-customer view", "the rebuilt shadow", shadowCustomers,
                    ReadModelTables.LIVE.allCustomers(connection), differences);
            boolean replace = differences.isEmpty();
            if (replace) {
                ReadModelTables.LIVE.replaceWith(connection, ReadModelTables.SHADOW);
                connection.commit();
            } else {
                connection.rollback();
            }
            long end = System.nanoTime();
            return new Result(replace, shadow.size(), shadowCustomers.size(), caughtUp, differences,
                    Duration.ofNanos(end - start), Duration.ofNanos(end - lockedAt));
        }
    }

    /** Brings each stream of the shadow to the version its live summary reflects; returns how many it moved. */
    private static int catchUp(Connection connection) throws SQLException {
        Map<String, OrderSummary> live = ReadModelTables.LIVE.allSummaries(connection);
        Map<String, OrderSummary> shadow = ReadModelTables.SHADOW.allSummaries(connection);
        List<String> behind = live.values().stream().filter(summary -> {
            OrderSummary rebuilt = shadow.get(summary.orderId());
            return rebuilt == null || rebuilt.version() < summary.version();
        }).map(OrderSummary::orderId).toList();
        if (behind.isEmpty()) {
            return 0;
        }
        Projection catchUp = new Projection(ReadModelTables.SHADOW.summaries(connection, behind));
        for (String orderId : behind) {
            int upTo = live.get(orderId).version();
            for (OrderEvent event : OrderEventStore.read(connection, orderId)) {
                if (event.version() <= upTo) {
                    applyReadable(catchUp, event);
                }
            }
        }
        ReadModelTables.SHADOW.write(connection, catchUp);
        return behind.size();
    }

    /** Applies an event; one that cannot be applied stays out of the shadow, which then differs where it matters. */
    private static void applyReadable(Projection projection, OrderEvent event) {
        try {
            projection.apply(event);
        } catch (OrderEvent.MalformedEvent e) {
            // the shadow lacks it: the comparison names the row
        }
    }
}
