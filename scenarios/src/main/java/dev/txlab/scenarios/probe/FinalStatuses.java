package dev.txlab.scenarios.probe;

import dev.txlab.domain.model.OrderStatus;
import dev.txlab.domain.service.ServiceName;
import dev.txlab.harness.run.Run;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/** Every order's status after a run has settled, read from the orders database. */
final class FinalStatuses {
    private FinalStatuses() {
    }

    static Map<String, OrderStatus> of(Run run) throws SQLException {
        Map<String, OrderStatus> statuses = new HashMap<>();
        try (Connection connection = run.stores().dataSource(ServiceName.ORDERS).getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT order_id, status FROM orders")) {
            while (rows.next()) {
                statuses.put(rows.getString(1), OrderStatus.valueOf(rows.getString(2)));
            }
            connection.rollback();
        }
        return statuses;
    }
}
