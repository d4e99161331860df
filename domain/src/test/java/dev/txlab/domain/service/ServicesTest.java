package dev.txlab.domain.service;

import dev.txlab.domain.model.OrdersModel;
import dev.txlab.domain.model.OrderLine;
import dev.txlab.domain.model.OrderRequest;
import dev.txlab.domain.model.OrderStatus;
import dev.txlab.domain.model.RejectionReason;
import dev.txlab.domain.model.StepResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules, refusals and idempotence of every service operation, each on its own service's database. */
class ServicesTest {
    private static final List<OrderLine> TWO_LINES = List.of(new OrderLine("sku2", 3, 200), new OrderLine("sku1", 2, 100));

    private ServiceDatabases databases;
    private final OrderServices services = OrderServices.create(OrdersModel.STATE, Clock.systemUTC(), Ids.TIME_ORDERED);

    @BeforeEach
    void openDatabases() throws SQLException {
        databases = new ServiceDatabases();
        databases.insert(ServiceName.CUSTOMERS, "INSERT INTO customers (customer_id, name, enabled) VALUES (?, ?, ?)",
                new Object[] {"alice", "Alice", true}, new Object[] {"bob", "Bob", false});
        databases.insert(ServiceName.PAYMENTS, "INSERT INTO accounts (customer_id, balance_cents) VALUES (?, ?)",
                new Object[] {"alice", 1_000L});
        databases.insert(ServiceName.DEPOT, "INSERT INTO products (sku, name, price_cents, stock) VALUES (?, ?, ?, ?)",
                new Object[] {"sku1", "one", 100, 5}, new Object[] {"sku2", "two", 200, 3});
    }

    @AfterEach
    void dropDatabases() throws SQLException {
        databases.drop();
    }

    @Test
    void createsAnOrderPendingOnceHoweverOftenCalled() throws SQLException {
        OrderRequest order = new OrderRequest("o1", "alice", TWO_LINES);
        inTransaction(ServiceName.ORDERS, c -> {
            services.orders().createPending(c, order);
            services.orders().createPending(c, order);
        });
        assertThat(count(ServiceName.ORDERS, "SELECT COUNT(*) FROM orders")).isEqualTo(1);
        assertThat(count(ServiceName.ORDERS, "SELECT COUNT(*) FROM order_items")).isEqualTo(2);
        assertThat(count(ServiceName.ORDERS, "SELECT total_cents FROM orders")).isEqualTo(800);
    }

    @Test
    void approvesAndRejectsOnlyAPendingOrder() throws SQLException {
        inTransaction(ServiceName.ORDERS, c -> {
            services.orders().createPending(c, new OrderRequest("o1", "alice", TWO_LINES));
            services.orders().createPending(c, new OrderRequest("o2", "alice", TWO_LINES));
            assertThat(services.orders().approve(c, "o1")).isTrue();
            assertThat(services.orders().approve(c, "o1")).isFalse();
            assertThat(services.orders().reject(c, "o1", RejectionReason.OUT_OF_STOCK)).isFalse();
            assertThat(services.orders().reject(c, "o2", RejectionReason.OUT_OF_STOCK)).isTrue();
            assertThat(services.orders().approve(c, "o2")).isFalse();
            assertThat(services.orders().status(c, "o1")).contains(OrderStatus.APPROVED);
            assertThat(services.orders().outcome(c, "o2")).hasValueSatisfying(
                    outcome -> assertThat(outcome.reason()).isEqualTo(RejectionReason.OUT_OF_STOCK));
        });
    }

    @Test
    void recordsARolledBackOrderAsRejectedWhetherOrNotItExists() throws SQLException {
        inTransaction(ServiceName.ORDERS, c -> {
            services.orders().recordRejected(c, new OrderRequest("o1", "alice", TWO_LINES), RejectionReason.CONCURRENCY);
            services.orders().createPending(c, new OrderRequest("o2", "alice", TWO_LINES));
            services.orders().recordRejected(c, new OrderRequest("o2", "alice", TWO_LINES), RejectionReason.NO_ACCOUNT);
            assertThat(services.orders().outcome(c, "o1").orElseThrow().reason()).isEqualTo(RejectionReason.CONCURRENCY);
            assertThat(services.orders().outcome(c, "o2").orElseThrow().reason()).isEqualTo(RejectionReason.NO_ACCOUNT);
        });
    }

    @Test
    void refusesUnknownAndDisabledCustomersAndAuthorizesOncePerOrder() throws SQLException {
        inTransaction(ServiceName.CUSTOMERS, c -> {
            assertThat(services.customers().authorize(c, "o1", "nobody"))
                    .isEqualTo(StepResult.refused(RejectionReason.UNKNOWN_CUSTOMER));
            assertThat(services.customers().authorize(c, "o1", "bob"))
                    .isEqualTo(StepResult.refused(RejectionReason.CUSTOMER_DISABLED));
            assertThat(services.customers().authorize(c, "o1", "alice")).isEqualTo(StepResult.done());
            assertThat(services.customers().authorize(c, "o1", "alice")).isEqualTo(StepResult.done());
        });
        assertThat(count(ServiceName.CUSTOMERS, "SELECT COUNT(*) FROM authorizations")).isEqualTo(1);
    }

    @Test
    void refusesShortOrUnknownStockWithoutTouchingAnyProductAndTheRefusalIsFinal() throws SQLException {
        inTransaction(ServiceName.DEPOT, c -> {
            assertThat(services.depot().reserve(c, "o1", List.of(new OrderLine("sku1", 1, 100), new OrderLine("sku2", 4, 200))))
                    .isEqualTo(StepResult.refused(RejectionReason.OUT_OF_STOCK));
            assertThat(services.depot().reserve(c, "o2", List.of(new OrderLine("sku1", 1, 100), new OrderLine("nope", 1, 1))))
                    .isEqualTo(StepResult.refused(RejectionReason.UNKNOWN_PRODUCT));
        });
        assertThat(stock("sku1")).isEqualTo(5);
        assertThat(stock("sku2")).isEqualTo(3);
        assertThat(count(ServiceName.DEPOT, "SELECT COUNT(*) FROM shopping_lists WHERE status = 'ACTIVE'")).isZero();
        assertThat(count(ServiceName.DEPOT, "SELECT COUNT(*) FROM shopping_lists WHERE status = 'CANCELLED'")).isEqualTo(2);
    }

    @Test
    void aReservationArrivingAfterItsRefusalIsRefusedAgainEvenWithStockBack() throws SQLException {
        List<OrderLine> tooMany = List.of(new OrderLine("sku2", 4, 200));
        inTransaction(ServiceName.DEPOT, c -> assertThat(services.depot().reserve(c, "o1", tooMany))
                .isEqualTo(StepResult.refused(RejectionReason.OUT_OF_STOCK)));
        inTransaction(ServiceName.DEPOT, c -> {
            try (PreparedStatement restock = c.prepareStatement("UPDATE products SET stock = 10 WHERE sku = 'sku2'")) {
                restock.executeUpdate();
            }
            assertThat(services.depot().reserve(c, "o1", tooMany)).as("a copy of the refused reservation, e.g. a "
                    + "saga command sent again while the coordinator still waits for the answer")
                    .isEqualTo(StepResult.refused(RejectionReason.OUT_OF_STOCK));
        });
        assertThat(stock("sku2")).isEqualTo(10);
        assertThat(count(ServiceName.DEPOT, "SELECT COUNT(*) FROM shopping_lists WHERE status = 'ACTIVE'")).isZero();
    }

    @Test
    void reservesOnceAndCancellingRestocksOnce() throws SQLException {
        inTransaction(ServiceName.DEPOT, c -> {
            assertThat(services.depot().reserve(c, "o1", TWO_LINES)).isEqualTo(StepResult.done());
            assertThat(services.depot().reserve(c, "o1", TWO_LINES)).isEqualTo(StepResult.done());
        });
        assertThat(stock("sku1")).isEqualTo(3);
        assertThat(stock("sku2")).isZero();
        inTransaction(ServiceName.DEPOT, c -> {
            services.depot().cancel(c, "o1", TWO_LINES);
            services.depot().cancel(c, "o1", TWO_LINES);
        });
        assertThat(stock("sku1")).isEqualTo(5);
        assertThat(stock("sku2")).isEqualTo(3);
        assertThat(count(ServiceName.DEPOT, "SELECT COUNT(*) FROM shopping_lists WHERE status = 'CANCELLED'")).isEqualTo(1);
    }

    @Test
    void aReservationArrivingAfterItsCancellationHasNoEffect() throws SQLException {
        inTransaction(ServiceName.DEPOT, c -> {
            services.depot().cancel(c, "o1", TWO_LINES);
            assertThat(services.depot().reserve(c, "o1", TWO_LINES)).isEqualTo(StepResult.alreadyCompensated());
        });
        assertThat(stock("sku1")).isEqualTo(5);
        assertThat(count(ServiceName.DEPOT, "SELECT COUNT(*) FROM shopping_lists WHERE status = 'ACTIVE'")).isZero();
    }

    @Test
    void refusesMissingAccountsAndInsufficientFundsWithoutDebiting() throws SQLException {
        inTransaction(ServiceName.PAYMENTS, c -> {
            assertThat(services.payments().confirm(c, "o1", "bob", 10))
                    .isEqualTo(StepResult.refused(RejectionReason.NO_ACCOUNT));
            assertThat(services.payments().confirm(c, "o1", "alice", 1_001))
                    .isEqualTo(StepResult.refused(RejectionReason.INSUFFICIENT_FUNDS));
        });
        assertThat(balance("alice")).isEqualTo(1_000);
        assertThat(count(ServiceName.PAYMENTS, "SELECT COUNT(*) FROM payments WHERE status = 'CONFIRMED'")).isZero();
    }

    @Test
    void aPaymentArrivingAfterItsRefusalIsRefusedAgainEvenWithMoneyBack() throws SQLException {
        inTransaction(ServiceName.PAYMENTS, c -> assertThat(services.payments().confirm(c, "o1", "alice", 1_500))
                .isEqualTo(StepResult.refused(RejectionReason.INSUFFICIENT_FUNDS)));
        inTransaction(ServiceName.PAYMENTS, c -> {
            try (PreparedStatement topUp = c.prepareStatement(
                    "UPDATE accounts SET balance_cents = 2000 WHERE customer_id = 'alice'")) {
                topUp.executeUpdate();
            }
            assertThat(services.payments().confirm(c, "o1", "alice", 1_500))
                    .isEqualTo(StepResult.refused(RejectionReason.INSUFFICIENT_FUNDS));
        });
        assertThat(balance("alice")).isEqualTo(2_000);
    }

    @Test
    void debitsOnceAndRefundsOnce() throws SQLException {
        inTransaction(ServiceName.PAYMENTS, c -> {
            assertThat(services.payments().confirm(c, "o1", "alice", 400)).isEqualTo(StepResult.done());
            assertThat(services.payments().confirm(c, "o1", "alice", 400)).isEqualTo(StepResult.done());
        });
        assertThat(balance("alice")).isEqualTo(600);
        inTransaction(ServiceName.PAYMENTS, c -> {
            services.payments().refund(c, "o1", "alice");
            services.payments().refund(c, "o1", "alice");
        });
        assertThat(balance("alice")).isEqualTo(1_000);
        assertThat(count(ServiceName.PAYMENTS, "SELECT COUNT(*) FROM payments")).isEqualTo(1);
    }

    @Test
    void aPaymentArrivingAfterItsRefundHasNoEffect() throws SQLException {
        inTransaction(ServiceName.PAYMENTS, c -> {
            services.payments().refund(c, "o1", "alice");
            assertThat(services.payments().confirm(c, "o1", "alice", 400)).isEqualTo(StepResult.alreadyCompensated());
        });
        assertThat(balance("alice")).isEqualTo(1_000);
    }

    private long stock(String sku) throws SQLException {
        return count(ServiceName.DEPOT, "SELECT stock FROM products WHERE sku = '" + sku + "'");
    }

    private long balance(String customer) throws SQLException {
        return count(ServiceName.PAYMENTS, "SELECT balance_cents FROM accounts WHERE customer_id = '" + customer + "'");
    }

    private long count(ServiceName service, String sql) throws SQLException {
        try (Connection c = databases.connect(service);
             PreparedStatement statement = c.prepareStatement(sql);
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private void inTransaction(ServiceName service, Work work) throws SQLException {
        try (Connection c = databases.connect(service)) {
            work.run(c);
            c.commit();
        }
    }

    @FunctionalInterface
    private interface Work {
        void run(Connection connection) throws SQLException;
    }
}
