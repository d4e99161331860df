package dev.txlab.harness.workload;

import dev.txlab.domain.model.AccountEvent;
import dev.txlab.domain.model.AccountsModel;
import dev.txlab.domain.service.ServiceName;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Writes an initial state into the services' databases (customers, depot, payments: accounts as rows,
 * or as streams each opened with its balance), in batches.
 */
public final class InitialStateWriter {
    private static final int BATCH = 500;

    private InitialStateWriter() {
    }

    /** Writes the state, accounts as rows. */
    public static void write(InitialState state, Function<ServiceName, DataSource> dataSources) throws SQLException {
        write(state, dataSources, AccountsModel.STATE);
    }

    /** Writes the state, accounts as {@code accounts} keeps them: rows, or streams opened with the balance. */
    public static void write(InitialState state, Function<ServiceName, DataSource> dataSources,
                             AccountsModel accounts) throws SQLException {
        try (Connection connection = dataSources.apply(ServiceName.CUSTOMERS).getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO customers (customer_id, name, enabled) VALUES (?, ?, ?)")) {
            int pending = 0;
            for (InitialState.Customer customer : state.customers()) {
                insert.setString(1, customer.customerId());
                insert.setString(2, customer.name());
                insert.setBoolean(3, customer.enabled());
                insert.addBatch();
                pending = flushEvery(insert, ++pending);
            }
            insert.executeBatch();
            connection.commit();
        }
        try (Connection connection = dataSources.apply(ServiceName.DEPOT).getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO products (sku, name, price_cents, stock) VALUES (?, ?, ?, ?)")) {
            int pending = 0;
            for (InitialState.Product product : state.products()) {
                insert.setString(1, product.sku());
                insert.setString(2, product.name());
                insert.setLong(3, product.priceCents());
                insert.setLong(4, product.stock());
                insert.addBatch();
                pending = flushEvery(insert, ++pending);
            }
            insert.executeBatch();
            connection.commit();
        }
        try (Connection connection = dataSources.apply(ServiceName.PAYMENTS).getConnection();
             PreparedStatement insert = connection.prepareStatement(accounts == AccountsModel.STATE
                     ? "INSERT INTO accounts (customer_id, balance_cents) VALUES (?, ?)"
                     : "INSERT INTO account_events (stream_id, version, event_type, payload, committed_at_ms) "
                     + "VALUES (?, 1, 'OPENED', ?, 0)")) {
            int pending = 0;
            for (Map.Entry<String, Long> account : state.balancesCents().entrySet()) {
                insert.setString(1, account.getKey());
                if (accounts == AccountsModel.STATE) {
                    insert.setLong(2, account.getValue());
                } else {
                    insert.setString(2, AccountEvent.opened(account.getKey(), account.getValue(), 0).payload());
                }
                insert.addBatch();
                pending = flushEvery(insert, ++pending);
            }
            insert.executeBatch();
            connection.commit();
        }
    }

    private static int flushEvery(PreparedStatement insert, int pending) throws SQLException {
        if (pending < BATCH) {
            return pending;
        }
        insert.executeBatch();
        return 0;
    }
}
