package dev.txlab.messaging.outbox;

import dev.txlab.domain.model.OrderEvent;
import dev.txlab.domain.service.OrderEventStore;
import dev.txlab.domain.service.ServiceName;
import dev.txlab.harness.audit.Invariant;
import dev.txlab.harness.audit.Violation;
import dev.txlab.harness.audit.spi.LeftoverCheck;
import dev.txlab.harness.run.RunRecord;
import dev.txlab.harness.store.Stores;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The I3 leftovers of messaging: outbox rows never published (a relay that did not finish), and
 * orders events to be published from the event store that never were.
 */
public final class OutboxLeftovers implements LeftoverCheck {
    @Override
    public List<Violation> find(Stores stores, RunRecord record) {
        List<Violation> leftovers = new ArrayList<>();
        unpublishedEvents(stores, leftovers);
        Set<String> databases = new HashSet<>();
        for (ServiceName service : ServiceName.values()) {
            if (!databases.add(stores.location(service).name())) {
                continue;
            }
            try (Connection connection = stores.dataSource(service).getConnection();
                 PreparedStatement select = connection.prepareStatement(
                         "SELECT message_id, destination, correlation_id FROM outbox WHERE published = ? ORDER BY seq")) {
                select.setBoolean(1, false);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        leftovers.add(new Violation(Invariant.I3_NO_LEFTOVERS, rows.getString(3),
                                "outbox message " + rows.getString(1) + " to " + rows.getString(2)
                                        + " never published from the " + service.id() + " database"));
                    }
                }
                connection.rollback();
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the outbox of " + service.id() + ": " + e.getMessage(), e);
            }
        }
        return leftovers;
    }

    private static void unpublishedEvents(Stores stores, List<Violation> leftovers) {
        try (Connection connection = stores.dataSource(ServiceName.ORDERS).getConnection()) {
            List<String> unreadable = new ArrayList<>();
            for (OrderEvent event : OrderEventStore.unpublished(connection, Integer.MAX_VALUE, unreadable)) {
                leftovers.add(new Violation(Invariant.I3_NO_LEFTOVERS, event.orderId(), "order event " + event.type()
                        + " (version " + event.version() + ") never published from the orders event store"));
            }
            unreadable.forEach(why -> leftovers.add(new Violation(Invariant.I3_NO_LEFTOVERS, "event store",
                    "never published from the orders event store: " + why)));
            connection.rollback();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the orders event store: " + e.getMessage(), e);
        }
    }
}
