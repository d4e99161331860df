package dev.txlab.scenarios.probe;

import dev.txlab.domain.model.OrderStatus;
import dev.txlab.domain.service.OrderBook;
import dev.txlab.domain.service.ServiceName;
import dev.txlab.harness.run.Run;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/** Every order's status after a run has settled, read from the orders database. */
final class FinalStatuses {
    private FinalStatuses() {
    }

    static Map<String, OrderStatus> of(Run run) throws SQLException {
        Map<String, OrderStatus> statuses = new HashMap<>();
        try (Connection connection = run.stores().dataSource(ServiceName.ORDERS).getConnection()) {
            OrderBook.read(connection).orders().forEach((id, entry) -> statuses.put(id, entry.status()));
            connection.rollback();
        }
        return statuses;
    }
}
