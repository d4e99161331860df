package dev.txlab.harness.readmodel;

import dev.txlab.domain.model.OrderStatus;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The read models' tables in the orders database: the live views ({@link #LIVE}: {@code order_summary},
 * {@code customer_orders}) or the shadow a rebuild writes ({@link #SHADOW}).
 */
final class ReadModelTables {
    static final ReadModelTables LIVE = new ReadModelTables("");
    static final ReadModelTables SHADOW = new ReadModelTables("_shadow");

    /** Keys per IN list: a statement stays small whatever the batch. */
    private static final int KEYS_PER_STATEMENT = 100;
    private static final String SUMMARY_COLUMNS = "order_id, customer_id, status, total_cents, item_count, "
            + "decided_at_ms, version";
    private static final String CUSTOMER_COLUMNS = "customer_id, orders_placed, approved_total_cents";

    private final String summaries;
    private final String customers;

    private ReadModelTables(String suffix) {
        this.summaries = "order_summary" + suffix;
        this.customers = "customer_orders" + suffix;
    }

    /** The summaries of these orders that exist. */
    Map<String, OrderSummary> summaries(Connection connection, Collection<String> orderIds) throws SQLException {
        Map<String, OrderSummary> found = new TreeMap<>();
        for (List<String> keys : chunks(orderIds)) {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + SUMMARY_COLUMNS + " FROM "
                    + summaries + " WHERE order_id IN (" + placeholders(keys.size()) + ")")) {
                bind(select, 1, keys);
                readSummaries(select, found);
            }
        }
        return found;
    }

    /** Every summary, by order id. */
    Map<String, OrderSummary> allSummaries(Connection connection) throws SQLException {
        Map<String, OrderSummary> found = new TreeMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + SUMMARY_COLUMNS + " FROM " + summaries)) {
            readSummaries(select, found);
        }
        return found;
    }

    /** Every customer's totals, by customer id. */
    Map<String, CustomerOrders> allCustomers(Connection connection) throws SQLException {
        Map<String, CustomerOrders> found = new TreeMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + CUSTOMER_COLUMNS + " FROM "
                + customers);
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                found.put(rows.getString(1), new CustomerOrders(rows.getString(1), rows.getLong(2), rows.getLong(3)));
            }
        }
        return found;
    }

    /** Writes what a projection did: its new summaries, its changed ones, its changes to customers' totals. */
    void write(Connection connection, Projection projection) throws SQLException {
        insertSummaries(connection, projection.inserted());
        if (!projection.updated().isEmpty()) {
            try (PreparedStatement update = connection.prepareStatement("UPDATE " + summaries + " SET status = ?, "
                    + "decided_at_ms = ?, version = ? WHERE order_id = ?")) {
                for (OrderSummary summary : projection.updated()) {
                    update.setString(1, summary.status().name());
                    setNullableLong(update, 2, summary.decidedAtMs());
                    update.setInt(3, summary.version());
                    update.setString(4, summary.orderId());
                    update.addBatch();
                }
                update.executeBatch();
            }
        }
        addToCustomers(connection, projection.customerChanges());
    }

    /** Empties both tables. */
    void clear(Connection connection) throws SQLException {
        try (PreparedStatement deleteSummaries = connection.prepareStatement("DELETE FROM " + summaries);
             PreparedStatement deleteCustomers = connection.prepareStatement("DELETE FROM " + customers)) {
            deleteSummaries.executeUpdate();
            deleteCustomers.executeUpdate();
        }
    }

    /** Replaces this one's rows by the other's, in the caller's transaction. */
    void replaceWith(Connection connection, ReadModelTables other) throws SQLException {
        clear(connection);
        try (PreparedStatement copySummaries = connection.prepareStatement("INSERT INTO " + summaries + " ("
                + SUMMARY_COLUMNS + ") SELECT " + SUMMARY_COLUMNS + " FROM " + other.summaries);
             PreparedStatement copyCustomers = connection.prepareStatement("INSERT INTO " + customers + " ("
                     + CUSTOMER_COLUMNS + ") SELECT " + CUSTOMER_COLUMNS + " FROM " + other.customers)) {
            copySummaries.executeUpdate();
            copyCustomers.executeUpdate();
        }
    }

    private void insertSummaries(Connection connection, Collection<OrderSummary> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + summaries + " ("
                + SUMMARY_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (OrderSummary summary : rows) {
                insert.setString(1, summary.orderId());
                insert.setString(2, summary.customerId());
                insert.setString(3, summary.status().name());
                insert.setLong(4, summary.totalCents());
                insert.setLong(5, summary.itemCount());
                setNullableLong(insert, 6, summary.decidedAtMs());
                insert.setInt(7, summary.version());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private void addToCustomers(Connection connection, Collection<CustomerOrders> changes) throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        Map<String, CustomerOrders> existing = new TreeMap<>();
        for (List<String> keys : chunks(changes.stream().map(CustomerOrders::customerId).toList())) {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + CUSTOMER_COLUMNS + " FROM "
                    + customers + " WHERE customer_id IN (" + placeholders(keys.size()) + ")")) {
                bind(select, 1, keys);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        existing.put(rows.getString(1), new CustomerOrders(rows.getString(1), rows.getLong(2),
                                rows.getLong(3)));
                    }
                }
            }
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + customers + " SET orders_placed = ?, "
                + "approved_total_cents = ? WHERE customer_id = ?");
             PreparedStatement insert = connection.prepareStatement("INSERT INTO " + customers + " ("
                     + CUSTOMER_COLUMNS + ") VALUES (?, ?, ?)")) {
            boolean updates = false;
            boolean inserts = false;
            for (CustomerOrders change : changes) {
                CustomerOrders before = existing.get(change.customerId());
                if (before == null) {
                    insert.setString(1, change.customerId());
                    insert.setLong(2, change.ordersPlaced());
                    insert.setLong(3, change.approvedTotalCents());
                    insert.addBatch();
                    inserts = true;
                } else {
                    CustomerOrders after = before.plus(change);
                    update.setLong(1, after.ordersPlaced());
                    update.setLong(2, after.approvedTotalCents());
                    update.setString(3, after.customerId());
                    update.addBatch();
                    updates = true;
                }
            }
            if (updates) {
                update.executeBatch();
            }
            if (inserts) {
                insert.executeBatch();
            }
        }
    }

    private static void readSummaries(PreparedStatement select, Map<String, OrderSummary> into) throws SQLException {
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                long decided = rows.getLong(6);
                Long decidedAtMs = rows.wasNull() ? null : decided;
                into.put(rows.getString(1), new OrderSummary(rows.getString(1), rows.getString(2),
                        OrderStatus.valueOf(rows.getString(3)), rows.getLong(4), rows.getLong(5), decidedAtMs,
                        rows.getInt(7)));
            }
        }
    }

    private static void setNullableLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    private static List<List<String>> chunks(Collection<String> keys) {
        List<String> all = new ArrayList<>(keys);
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += KEYS_PER_STATEMENT) {
            chunks.add(all.subList(from, Math.min(all.size(), from + KEYS_PER_STATEMENT)));
        }
        return chunks;
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    private static void bind(PreparedStatement statement, int first, List<String> keys) throws SQLException {
        for (int i = 0; i < keys.size(); i++) {
            statement.setString(first + i, keys.get(i));
        }
    }
}
