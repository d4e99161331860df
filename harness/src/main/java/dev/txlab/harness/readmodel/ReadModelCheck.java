package dev.txlab.harness.readmodel;

import dev.txlab.domain.model.OrderEvent;
import dev.txlab.domain.model.OrderState;
import dev.txlab.domain.model.OrderStatus;
import dev.txlab.domain.service.OrderEventStore;
import dev.txlab.harness.audit.Invariant;
import dev.txlab.harness.audit.Violation;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Invariant I6 over the read models of an orders database: the live views equal the state replayed
 * from the events they were given (each stream's projected events, replayed as the domain replays a
 * stream), and equal the views a rebuild from zero of those events gives (the projection's own code).
 * Events not projected yet are not I6's: they are I3 leftovers ({@link ReadModelLeftovers}). A
 * database with no events and no views (the {@code state} model) passes.
 */
public final class ReadModelCheck {
    /** Differences named one by one per table and check; the rest are counted. */
    static final int NAMED = 10;

    private ReadModelCheck() {
    }

    /** The I6 violations; the caller's transaction reads. */
    public static List<Violation> check(Connection connection) throws SQLException {
        List<String> unreadable = new ArrayList<>();
        Map<String, List<OrderEvent>> projected = OrderEventStore.readAllProjected(connection, unreadable);
        List<Violation> violations = new ArrayList<>();
        Map<String, OrderSummary> replayed = new TreeMap<>();
        projected.forEach((orderId, events) -> {
            try {
                OrderState.replay(events).ifPresent(state -> replayed.put(orderId, OrderSummary.of(state)));
            } catch (OrderEvent.MalformedEvent e) {
                violations.add(new Violation(Invariant.I6_READ_MODELS, orderId,
                        "the events projected cannot be replayed: " + e.getMessage()));
            }
        });
        Map<String, OrderSummary> live = ReadModelTables.LIVE.allSummaries(connection);
        Map<String, CustomerOrders> liveCustomers = ReadModelTables.LIVE.allCustomers(connection);
        compare("order summary", "the state replayed from its projected events", replayed, live, violations);
        compare("per-customer view", "the totals of the replayed orders", customersOf(replayed), liveCustomers,
                violations);
        Projection rebuilt = Projection.fromZero();
        projected.values().forEach(events -> events.forEach(event -> {
            try {
                rebuilt.apply(event);
            } catch (OrderEvent.MalformedEvent e) {
                // named above, by the replay
            }
        }));
        compare("order summary", "a rebuild from zero", rebuilt.summaries(), live, violations);
        compare("per-customer view", "a rebuild from zero", customersOf(rebuilt.summaries()), liveCustomers,
                violations);
        return violations;
    }

    /** Each customer's totals over these summaries. */
    static Map<String, CustomerOrders> customersOf(Map<String, OrderSummary> summaries) {
        Map<String, CustomerOrders> customers = new TreeMap<>();
        summaries.values().forEach(summary -> customers.merge(summary.customerId(),
                new CustomerOrders(summary.customerId(), 1,
                        summary.status() == OrderStatus.APPROVED ? summary.totalCents() : 0),
                CustomerOrders::plus));
        return customers;
    }

    /** Names the rows where {@code live} differs from {@code expected}, the first {@link #NAMED} by key. */
    static <T> void compare(String view, String against, Map<String, T> expected, Map<String, T> live,
                            List<Violation> violations) {
        TreeSet<String> keys = new TreeSet<>(expected.keySet());
        keys.addAll(live.keySet());
        int differences = 0;
        for (String key : keys) {
            T want = expected.get(key);
            T have = live.get(key);
            if (Objects.equals(want, have)) {
                continue;
            }
            if (++differences <= NAMED) {
                violations.add(new Violation(Invariant.I6_READ_MODELS, key, view + " " + (have == null ? "has no row"
                        : "row " + have) + ", but " + against + " gives " + (want == null ? "no row" : want)));
            }
        }
        if (differences > NAMED) {
            violations.add(new Violation(Invariant.I6_READ_MODELS, view, (differences - NAMED) + " more rows differ "
                    + "from " + against));
        }
    }
}
