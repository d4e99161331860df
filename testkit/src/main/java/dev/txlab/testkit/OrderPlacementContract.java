package dev.txlab.testkit;

import dev.txlab.domain.model.AccountsModel;
import dev.txlab.domain.model.OrdersModel;
import dev.txlab.domain.model.Outcome;
import dev.txlab.domain.model.RejectionReason;
import dev.txlab.domain.service.ServiceName;
import dev.txlab.harness.audit.AuditReport;
import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.harness.placement.OrderResult;
import dev.txlab.harness.placement.TransportSettings;
import dev.txlab.harness.readmodel.ReadModelLag;
import dev.txlab.harness.run.AccountsSetting;
import dev.txlab.harness.run.OrderListener;
import dev.txlab.harness.run.Run;
import dev.txlab.harness.run.RunOptions;
import dev.txlab.harness.run.RunResult;
import dev.txlab.harness.store.StoreConfig;
import dev.txlab.harness.store.StoreKind;
import dev.txlab.harness.workload.Workload;
import dev.txlab.harness.workload.WorkloadSpec;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The behaviour every implementation must show, run by each implementation's own test class on
 * each store it supports: the same outcomes as the local baseline on a conflict-free workload, under
 * either orders model (order by order), every refusal path rejecting cleanly, and invariants I0-I4
 * under concurrency with hot products.
 */
public abstract class OrderPlacementContract {

    /** The implementation under test. */
    protected abstract ImplementationId implementation();

    /** Where it runs; the prefix is the test's own. */
    protected abstract StoreConfig.Builder store(String prefix);

    /** The saga transport it uses (ignored by the others): the embedded Artemis unless overridden. */
    protected TransportSettings transport() {
        return TransportSettings.ofDefaults();
    }

    /** A prefix unique to the test class, so tests on shared servers never meet. */
    protected String prefix() {
        String name = getClass().getSimpleName().replace("ContractTest", "").toLowerCase(Locale.ROOT);
        return "t_" + name.substring(0, Math.min(name.length(), 24));
    }

    /** The outcome of every order of a run, its audit, and the rows and events its orders service wrote. */
    protected record Observed(Map<String, Outcome> outcomes, RunResult result, AuditReport audit, long orderRows,
                              long orderEvents, long orderSummaries, Optional<ReadModelLag.Summary> readModelLag,
                              long accountSnapshots) {
    }

    @Test
    void reachesTheLocalBaselinesOutcomesOnAConflictFreeWorkload() throws Exception {
        WorkloadSpec spec = WorkloadSpec.builder().seed(7).orders(300).refusalRate(0.05).build();
        assertThat(spec.conflictFree()).isTrue();

        Observed observed = run(store(prefix()).build(), implementation(), spec, 4);
        Observed baseline = implementation() == ImplementationId.LOCAL_BASELINE ? observed
                : run(TestStores.of(StoreKind.H2_MEM, prefix() + "_ref").build(), ImplementationId.LOCAL_BASELINE,
                        spec, 4);

        Workload workload = Workload.of(spec);
        Map<String, Outcome> expected = new TreeMap<>();
        for (int i = 0; i < workload.size(); i++) {
            expected.put(Workload.orderId(i), workload.kind(i).conflictFreeOutcome());
        }
        assertThat(new TreeMap<>(observed.outcomes())).isEqualTo(expected);
        assertThat(new TreeMap<>(baseline.outcomes())).isEqualTo(new TreeMap<>(observed.outcomes()));
        assertThat(observed.audit().ok()).as(observed.audit().describe(20)).isTrue();
        assertThat(observed.orderEvents()).as("the state model appends no event").isZero();
        assertThat(observed.readModelLag()).as("no read model without events").isEmpty();
    }

    @Test
    void keepsTheSameOutcomesOrderByOrderWhenTheOrdersAreEventSourced() throws Exception {
        WorkloadSpec spec = WorkloadSpec.builder().seed(7).orders(300).refusalRate(0.05).build();

        Observed eventSourced = run(store(prefix()).build(), implementation(), spec, 4, OrdersModel.EVENT_SOURCED);

        Workload workload = Workload.of(spec);
        Map<String, Outcome> expected = new TreeMap<>();
        for (int i = 0; i < workload.size(); i++) {
            expected.put(Workload.orderId(i), workload.kind(i).conflictFreeOutcome());
        }
        assertThat(eventSourced.audit().ok()).as(eventSourced.audit().describe(20)).isTrue();
        assertThat(new TreeMap<>(eventSourced.outcomes())).as("the state model's outcomes, order by order")
                .isEqualTo(expected);
        assertThat(eventSourced.audit().orders()).isEqualTo(spec.orders());
        assertThat(eventSourced.orderRows()).as("no order kept as a row").isZero();
        assertThat(eventSourced.orderEvents()).as("a created event and a decision per order")
                .isEqualTo(2L * spec.orders());
        assertThat(eventSourced.orderSummaries()).as("the read models project every order (I6 audited above)")
                .isEqualTo(spec.orders());
        assertThat(eventSourced.readModelLag()).hasValueSatisfying(lag -> assertThat(lag.timed())
                .as("every event's lag timed from its commit: %s", lag.describe()).isEqualTo(2L * spec.orders()));
    }

    @Test
    void keepsTheSameOutcomesOrderByOrderWhenAccountsAreEventSourcedWithSnapshotsButForSpentRetries() throws Exception {
        WorkloadSpec spec = WorkloadSpec.builder().seed(9).orders(200).refusalRate(0.05).customers(20)
                .customerSkew(1.2).build();

        Observed observed = run(store(prefix()).build(), implementation(), spec, 4, OrdersModel.STATE,
                AccountsModel.EVENT_SOURCED, 5);

        Workload workload = Workload.of(spec);
        Map<String, Outcome> expected = new TreeMap<>();
        for (int i = 0; i < workload.size(); i++) {
            expected.put(Workload.orderId(i), workload.kind(i).conflictFreeOutcome());
        }
        assertThat(observed.audit().ok()).as(observed.audit().describe(20)).isTrue();
        Map<String, Outcome> deviations = new TreeMap<>(observed.outcomes());
        deviations.entrySet().removeIf(entry -> entry.getValue().equals(expected.get(entry.getKey())));
        assertThat(deviations.values())
                .as("the state model's outcomes, order by order, but for orders whose retries a hot account's "
                        + "version conflicts spent (timing decides those): %s", deviations)
                .allMatch(outcome -> outcome.equals(Outcome.rejected(RejectionReason.CONCURRENCY)));
        assertThat(observed.outcomes().keySet()).isEqualTo(expected.keySet());
        assertThat(observed.accountSnapshots()).as("hot accounts' streams passed multiples of 5 events").isPositive();
    }

    @Test
    void everyRefusalPathRejectsTheOrderAndHoldsNothing() throws Exception {
        WorkloadSpec spec = WorkloadSpec.builder().seed(11).orders(200).refusalRate(0.12).build();

        Observed observed = run(store(prefix()).build(), implementation(), spec, 2);

        assertThat(observed.audit().ok()).as(observed.audit().describe(20)).isTrue();
        for (RejectionReason reason : new RejectionReason[] {RejectionReason.UNKNOWN_CUSTOMER,
                RejectionReason.CUSTOMER_DISABLED, RejectionReason.OUT_OF_STOCK, RejectionReason.INSUFFICIENT_FUNDS}) {
            assertThat(observed.audit().count("REJECTED(" + reason + ")")).as(reason.name()).isPositive();
        }
        assertThat(observed.audit().count("APPROVED")).isPositive();
        assertThat(observed.audit().acknowledged()).isEqualTo(spec.orders());
    }

    @Test
    void keepsEveryInvariantUnderConcurrencyWithHotProducts() throws Exception {
        WorkloadSpec spec = WorkloadSpec.builder().seed(13).orders(400).products(20).skew(1.5)
                .initialStock(120).initialBalanceCents(60_000).refusalRate(0.03).build();

        Observed observed = run(store(prefix()).build(), implementation(), spec, 8);

        assertThat(observed.audit().ok()).as(observed.audit().describe(20)).isTrue();
        assertThat(observed.result().failedSubmits()).isZero();
        assertThat(observed.outcomes()).hasSize(spec.orders());
        long regularOutOfStock = observed.audit().count("REJECTED(OUT_OF_STOCK)");
        assertThat(regularOutOfStock).as("hot products ran dry under contention")
                .isGreaterThan(Math.round(spec.orders() * spec.outOfStockRate() * 2));
        assertThat(observed.audit().count("APPROVED")).isPositive();
    }

    /** Runs a fresh workload to its end, the orders kept as rows, and audits it. */
    protected Observed run(StoreConfig store, ImplementationId implementation, WorkloadSpec spec, int concurrency)
            throws SQLException, InterruptedException {
        return run(store, implementation, spec, concurrency, OrdersModel.STATE);
    }

    /** Runs a fresh workload to its end, the orders kept as the model says, and audits it. */
    protected Observed run(StoreConfig store, ImplementationId implementation, WorkloadSpec spec, int concurrency,
                           OrdersModel model) throws SQLException, InterruptedException {
        return run(store, implementation, spec, concurrency, model, AccountsModel.STATE, 0);
    }

    /** A run with accounts kept as {@code accounts} says, a snapshot every {@code snapshotEvery} events. */
    protected Observed run(StoreConfig store, ImplementationId implementation, WorkloadSpec spec, int concurrency,
                           OrdersModel model, AccountsModel accounts, int snapshotEvery)
            throws SQLException, InterruptedException {
        Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
        try (Run run = Run.prepare(RunOptions.builder(store, implementation)
                .workload(spec)
                .callers(concurrency)
                .transport(transport())
                .ordersModel(model)
                .accounts(new AccountsSetting(accounts, snapshotEvery))
                .build())) {
            RunResult result = run.execute(new OrderListener() {
                @Override
                public void completed(OrderResult order, long ackNanos, long outcomeNanos) {
                    outcomes.put(order.orderId(), order.outcome());
                }
            });
            AuditReport audit = run.audit();
            return new Observed(outcomes, result, audit, count(run, "orders"), count(run, "order_events"),
                    count(run, "order_summary"), run.readModelLag().map(ReadModelLag::summary),
                    count(run, ServiceName.PAYMENTS, "account_snapshots"));
        }
    }

    private static long count(Run run, String table) throws SQLException {
        return count(run, ServiceName.ORDERS, table);
    }

    private static long count(Run run, ServiceName service, String table) throws SQLException {
        try (Connection connection = run.stores().dataSource(service).getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            long count = rows.getLong(1);
            connection.rollback();
            return count;
        }
    }
}
