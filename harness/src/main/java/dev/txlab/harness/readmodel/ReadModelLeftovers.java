package dev.txlab.harness.readmodel;

import dev.txlab.domain.model.OrderEvent;
import dev.txlab.domain.service.OrderEventStore;
import dev.txlab.domain.service.ServiceName;
import dev.txlab.harness.audit.Invariant;
import dev.txlab.harness.audit.Violation;
import dev.txlab.harness.audit.spi.LeftoverCheck;
import dev.txlab.harness.run.RunRecord;
import dev.txlab.harness.store.Stores;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The I3 leftovers of the read models: orders events never applied to them. */
public final class ReadModelLeftovers implements LeftoverCheck {
    @Override
    public List<Violation> find(Stores stores, RunRecord record) {
        List<Violation> leftovers = new ArrayList<>();
        try (Connection connection = stores.dataSource(ServiceName.ORDERS).getConnection()) {
            List<String> unreadable = new ArrayList<>();
            for (OrderEvent event : OrderEventStore.unprojected(connection, Integer.MAX_VALUE, unreadable)) {
                leftovers.add(new Violation(Invariant.I3_NO_LEFTOVERS, event.orderId(), "order event " + event.type()
                        + " (version " + event.version() + ") never applied to the read models"));
            }
            unreadable.forEach(why -> leftovers.add(new Violation(Invariant.I3_NO_LEFTOVERS, "event store",
                    "never applied to the read models: " + why)));
            connection.rollback();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the orders event store: " + e.getMessage(), e);
        }
        return leftovers;
    }
}
