package dev.txlab.harness.audit;

import dev.txlab.domain.service.ServiceName;
import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.harness.run.OrderListener;
import dev.txlab.harness.run.Run;
import dev.txlab.harness.run.RunOptions;
import dev.txlab.harness.store.StoreConfig;
import dev.txlab.harness.store.StoreKind;
import dev.txlab.harness.workload.WorkloadSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit is shown able to fail: each invariant is broken on purpose and must be reported. */
class ConsistencyAuditTest {
    private Run run;

    @BeforeEach
    void placeSomeOrders() throws Exception {
        StoreConfig store = StoreConfig.builder().allServices(StoreKind.H2_MEM).prefix("audit_test").build();
        WorkloadSpec spec = WorkloadSpec.builder().seed(3).orders(80).refusalRate(0.1).build();
        run = Run.prepare(RunOptions.builder(store, ImplementationId.LOCAL_BASELINE)
                .workload(spec)
                .callers(2)
                .build());
        run.execute(OrderListener.NONE);
    }

    @AfterEach
    void close() {
        run.close();
    }

    @Test
    void aCleanRunPassesAndCountsItsOutcomes() throws SQLException {
        AuditReport report = run.audit();
        assertThat(report.ok()).as(report.describe(10)).isTrue();
        assertThat(report.orders()).isEqualTo(80);
        assertThat(report.outcomeCounts().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(80);
        assertThat(report.describe(10)).isEqualTo("invariants: OK");
    }

    @Test
    void reportsAnAcknowledgedOrderMissingFromTheOrdersDatabase() throws SQLException {
        Set<String> ledger = new HashSet<>(Set.of("o00000001", "ghost-order"));
        AuditReport report = audit(Clock.systemUTC()).audit(ledger);
        assertThat(report.violationsOf(Invariant.I0_NOTHING_LOST)).singleElement()
                .satisfies(v -> assertThat(v.subject()).isEqualTo("\"ghost-order\""));
    }

    @Test
    void reportsAnApprovedOrderWithoutItsPaymentAndARejectedOrderHoldingStock() throws SQLException {
        String approved = firstOrder("APPROVED");
        String rejected = firstOrder("REJECTED");
        execute("DELETE FROM payments WHERE order_id = '" + approved + "'");
        execute("INSERT INTO shopping_lists (list_id, order_id, status, created_at_ms) VALUES ('l-x', '" + rejected
                + "', 'ACTIVE', 0)");

        AuditReport report = run.audit();

        assertThat(report.violationsOf(Invariant.I1_ATOMICITY)).extracting(Violation::subject)
                .containsExactlyInAnyOrder(approved, rejected);
        assertThat(report.violationsOf(Invariant.I1_ATOMICITY)).extracting(Violation::found)
                .anySatisfy(found -> assertThat(found).contains("no confirmed payment"))
                .anySatisfy(found -> assertThat(found).contains("active shopping list"));
    }

    @Test
    void reportsStockAndMoneyThatAppearedOrVanished() throws SQLException {
        execute("UPDATE products SET stock = stock - 1 WHERE sku = 'sku00001'");
        execute("UPDATE products SET stock = -5 WHERE sku = 'sku00002'");
        execute("UPDATE accounts SET balance_cents = balance_cents + 7 WHERE customer_id = 'c000001'");

        AuditReport report = run.audit();

        assertThat(report.violationsOf(Invariant.I2_CONSERVATION)).extracting(Violation::subject)
                .contains("sku00001", "sku00002", "money");
        assertThat(report.violationsOf(Invariant.I2_CONSERVATION)).extracting(Violation::found)
                .anySatisfy(found -> assertThat(found).contains("negative stock -5"));
    }

    @Test
    void reportsAPendingOrderAsALeftoverAndLateOnesAsNotTerminated() throws SQLException {
        execute("INSERT INTO orders (order_id, customer_id, total_cents, status, created_at_ms) VALUES"
                + " ('o-stuck', 'c000001', 100, 'PENDING', " + Instant.now().toEpochMilli() + ")");

        assertThat(run.audit().violationsOf(Invariant.I3_NO_LEFTOVERS)).extracting(Violation::subject)
                .containsExactly("o-stuck");
        assertThat(run.audit().violationsOf(Invariant.I5_TERMINATION)).isEmpty();

        Clock muchLater = Clock.fixed(Instant.now().plus(Duration.ofHours(1)), ZoneOffset.UTC);
        assertThat(audit(muchLater).audit(Set.of()).violationsOf(Invariant.I5_TERMINATION))
                .extracting(Violation::subject).containsExactly("o-stuck");
    }

    @Test
    void reportsASecondAuthorizationShoppingListOrPaymentForOneOrder() throws SQLException {
        String approved = firstOrder("APPROVED");
        execute("INSERT INTO authorizations (authorization_id, order_id, customer_id, authorized_at_ms)"
                + " SELECT 'dup', order_id, customer_id, authorized_at_ms FROM authorizations WHERE order_id = '"
                + approved + "'");
        execute("INSERT INTO payments (payment_id, order_id, customer_id, amount_cents, status, created_at_ms)"
                + " VALUES ('dup', '" + approved + "', 'c000001', 0, 'REFUNDED', 0)");

        assertThat(run.audit().violationsOf(Invariant.I4_SINGLE_EFFECT)).extracting(Violation::found)
                .containsExactlyInAnyOrder("2 authorizations", "2 payments");
    }

    private ConsistencyAudit audit(Clock clock) {
        return new ConsistencyAudit(run.stores()::dataSource, run.workload().initialState(),
                run.record().terminationBound(), clock);
    }

    private String firstOrder(String status) throws SQLException {
        try (Connection c = run.stores().dataSource(ServiceName.ORDERS).getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT MIN(order_id) FROM orders WHERE status = '" + status + "'");
             ResultSet rows = s.executeQuery()) {
            rows.next();
            return rows.getString(1);
        }
    }

    /** An event appended by hand (stored, not to be published). */
    private static final String APPEND_EVENT = "INSERT INTO order_events (stream_id, version, event_type, payload, "
            + "committed_at_ms) VALUES ";

    @Test
    void readsEventSourcedOrdersByReplayAndReportsAStreamItCannotReplay() throws SQLException {
        execute(APPEND_EVENT + "('es-ok', 1, 'CREATED', 'customer=c1;lines=p1*1*100', 0)");
        execute(APPEND_EVENT + "('es-ok', 2, 'REJECTED', 'reason=OUT_OF_STOCK', 0)");
        execute(APPEND_EVENT + "('es-gap', 1, 'CREATED', 'customer=c1;lines=p1*1*100', 0)");
        execute(APPEND_EVENT + "('es-gap', 3, 'APPROVED', '', 0)");

        AuditReport report = run.audit();

        assertThat(report.orders()).as("80 rows and one stream replayed").isEqualTo(81);
        assertThat(report.violationsOf(Invariant.I0_NOTHING_LOST)).singleElement().satisfies(v -> assertThat(
                v.toString()).contains("order es-gap, event version 3: a gap: version 2 is missing"));
    }

    /** The local baseline keeps every service's tables in the orders database. */
    private void execute(String sql) throws SQLException {
        try (Connection c = run.stores().dataSource(ServiceName.ORDERS).getConnection();
             Statement s = c.createStatement()) {
            s.execute(sql);
            c.commit();
        }
    }
}
