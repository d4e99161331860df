package dev.txlab.harness.readmodel;

import dev.txlab.domain.model.OrderEvent;
import dev.txlab.domain.model.OrderLine;
import dev.txlab.domain.model.OrderRequest;
import dev.txlab.domain.model.OrdersModel;
import dev.txlab.domain.service.OrderEventStore;
import dev.txlab.domain.service.ServiceName;
import dev.txlab.harness.audit.AuditReport;
import dev.txlab.harness.audit.Invariant;
import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.harness.run.OrderListener;
import dev.txlab.harness.run.Run;
import dev.txlab.harness.run.RunOptions;
import dev.txlab.harness.store.StoreConfig;
import dev.txlab.harness.store.StoreKind;
import dev.txlab.harness.workload.WorkloadSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** The read models of an event-sourced run (local-baseline on H2 in memory): projected, audited (I6), rebuilt. */
class ReadModelsTest {
    private Run run;

    private Run eventSourcedRun(int orders) throws SQLException {
        StoreConfig store = StoreConfig.builder().allServices(StoreKind.H2_MEM).prefix("read_models_test").build();
        run = Run.prepare(RunOptions.builder(store, ImplementationId.LOCAL_BASELINE)
                .workload(WorkloadSpec.builder().seed(5).orders(orders).refusalRate(0.1).build())
                .callers(4)
                .ordersModel(OrdersModel.EVENT_SOURCED)
                .build());
        return run;
    }

    @AfterEach
    void close() {
        if (run != null) {
            run.close();
        }
    }

    @Test
    void everyOrderIsProjectedItsLagTimedAndTheAuditChecksTheViews() throws Exception {
        eventSourcedRun(120).execute(OrderListener.NONE);

        AuditReport audit = run.audit();
        assertThat(audit.ok()).as(audit.describe(10)).isTrue();
        assertThat(count("SELECT COUNT(*) FROM order_summary")).isEqualTo(120);
        assertThat(count("SELECT SUM(orders_placed) FROM customer_orders")).isEqualTo(120);
        assertThat(count("SELECT SUM(total_cents) FROM order_summary WHERE status = 'APPROVED'"))
                .as("the approved total, per customer and per order alike")
                .isEqualTo(count("SELECT SUM(approved_total_cents) FROM customer_orders")).isPositive();
        ReadModelLag.Summary lag = run.readModelLag().orElseThrow().summary();
        assertThat(lag.timed()).as(lag.describe()).isEqualTo(240);
        assertThat(lag.untimed()).isZero();
        assertThat(lag.p99Ms()).isLessThanOrEqualTo(lag.maxMs());
    }

    @Test
    void theAuditNamesAViewRowThatDiffersFromItsStream() throws Exception {
        eventSourcedRun(40).execute(OrderListener.NONE);

        execute("UPDATE order_summary SET total_cents = total_cents + 1 WHERE order_id = 'o00000003'");

        assertThat(run.audit().violationsOf(Invariant.I6_READ_MODELS)).extracting(Object::toString)
                .anySatisfy(v -> assertThat(v).contains("o00000003").contains("the state replayed"))
                .anySatisfy(v -> assertThat(v).contains("o00000003").contains("a rebuild from zero"));
    }

    @Test
    void anEventTheProjectorCannotApplyIsALeftoverAndHoldsUpNoOther() throws Exception {
        eventSourcedRun(40).execute(OrderListener.NONE);
        execute("INSERT INTO order_events (stream_id, version, event_type, payload, committed_at_ms) VALUES "
                + "('gap', 1, 'CREATED', 'customer=c1;lines=p1*1*100', 0), ('gap', 3, 'APPROVED', '', 0), "
                + "('after', 1, 'CREATED', 'customer=c2;lines=p1*2*100', 1)");

        run.awaitQuiescence();

        assertThat(count("SELECT COUNT(*) FROM order_summary WHERE order_id IN ('gap', 'after')")).isEqualTo(2);
        assertThat(run.audit().violationsOf(Invariant.I3_NO_LEFTOVERS)).extracting(Object::toString)
                .anySatisfy(v -> assertThat(v).contains("gap").contains("APPROVED (version 3) never applied to the "
                        + "read models"));
    }

    @Test
    void anEventCommittedAfterALaterOneWasProjectedIsStillProjected() throws Exception {
        eventSourcedRun(10).execute(OrderListener.NONE);
        try (Connection late = dataSource().getConnection(); Connection early = dataSource().getConnection()) {
            OrderEventStore.append(late, List.of(OrderEvent.created(order("late", "c1"), 1, 1)));
            OrderEventStore.append(early, List.of(OrderEvent.created(order("early", "c2"), 1, 2)));
            early.commit();
            run.awaitQuiescence();
            assertThat(count("SELECT COUNT(*) FROM order_summary WHERE order_id = 'early'")).isEqualTo(1);
            late.commit();
        }

        run.awaitQuiescence();

        assertThat(count("SELECT COUNT(*) FROM order_summary WHERE order_id = 'late'")).isEqualTo(1);
        assertThat(run.audit().violationsOf(Invariant.I6_READ_MODELS)).isEmpty();
    }

    @Test
    void aRebuildThatMatchesReplacesTheLiveViews() throws Exception {
        eventSourcedRun(60).execute(OrderListener.NONE);

        ReadModelRebuild.Result rebuilt = ReadModelRebuild.rebuild(dataSource());

        assertThat(rebuilt.differences()).isEmpty();
        assertThat(rebuilt.replaced()).isTrue();
        assertThat(rebuilt.orders()).isEqualTo(60);
        assertThat(run.audit().ok()).isTrue();
    }

    @Test
    void aRebuildThatDiffersKeepsTheLiveViewsAndNamesTheRows() throws Exception {
        eventSourcedRun(60).execute(OrderListener.NONE);
        execute("UPDATE customer_orders SET orders_placed = orders_placed + 5 WHERE customer_id = "
                + "(SELECT MIN(customer_id) FROM customer_orders)");
        long damaged = count("SELECT SUM(orders_placed) FROM customer_orders");

        ReadModelRebuild.Result rebuilt = ReadModelRebuild.rebuild(dataSource());

        assertThat(rebuilt.replaced()).isFalse();
        assertThat(rebuilt.differences()).singleElement().satisfies(v -> assertThat(v.toString())
                .contains("per-customer view").contains("the rebuilt shadow"));
        assertThat(count("SELECT SUM(orders_placed) FROM customer_orders")).as("the live views kept").isEqualTo(damaged);
        assertThat(count("SELECT SUM(orders_placed) FROM customer_orders_shadow")).isEqualTo(60);
    }

    @Test
    void aRebuildWhileOrdersArriveReplacesTheViewsOnlyOnceItMatches() throws Exception {
        Run arriving = eventSourcedRun(3_000);
        CompletableFuture<Void> placing = CompletableFuture.runAsync(() -> {
            try {
                arriving.execute(OrderListener.NONE);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        List<ReadModelRebuild.Result> duringArrivals = new ArrayList<>();
        do {
            ReadModelRebuild.Result result = ReadModelRebuild.rebuild(dataSource());
            if (!placing.isDone()) {
                duringArrivals.add(result);
            }
        } while (!placing.isDone());
        placing.join();

        assertThat(duringArrivals).as("rebuilds that ended while orders were still arriving").isNotEmpty()
                .allSatisfy(result -> {
                    assertThat(result.differences()).isEmpty();
                    assertThat(result.replaced()).isTrue();
                })
                .as("the live views moved on during a rebuild, and the shadow caught up under the lock")
                .anySatisfy(result -> assertThat(result.caughtUp()).isPositive());
        AuditReport audit = run.audit();
        assertThat(audit.ok()).as(audit.describe(10)).isTrue();
    }

    private static OrderRequest order(String id, String customer) {
        return new OrderRequest(id, customer, List.of(new OrderLine("p1", 1, 100)));
    }

    private javax.sql.DataSource dataSource() {
        return run.stores().dataSource(ServiceName.ORDERS);
    }

    private long count(String sql) throws SQLException {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            long value = rows.getLong(1);
            c.rollback();
            return value;
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
            c.commit();
        }
    }
}
