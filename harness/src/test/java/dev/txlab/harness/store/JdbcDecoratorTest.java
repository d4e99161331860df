package dev.txlab.harness.store;

import dev.txlab.domain.service.ServiceName;
import dev.txlab.harness.cost.CostCounters;
import dev.txlab.harness.store.spi.InjectedFailure;
import dev.txlab.harness.store.spi.JdbcInterceptor;
import dev.txlab.harness.store.spi.RoundTrip;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.XAConnection;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every round trip on a decorated connection or XA resource reaches the interceptors, labelled by service. */
class JdbcDecoratorTest {
    private final StoreConfig config = StoreConfig.builder().allServices(StoreKind.H2_MEM).prefix("decorator_test").build();

    @Test
    void countsStatementsCommitsRollbacksAndConnectionChecksOfPooledConnections() throws Exception {
        CostCounters counters = new CostCounters();
        List<String> seen = new ArrayList<>();
        JdbcInterceptor labels = new JdbcInterceptor() {
            @Override
            public void beforeRoundTrip(ServiceName service, RoundTrip kind) {
                seen.add(service.id() + ":" + kind);
            }
        };
        Stores.reset(config);
        try (Stores stores = Stores.open(config, Topology.DATABASE_PER_SERVICE, JdbcDecorator.of(counters, labels))) {
            CostCounters.Costs before = counters.snapshot();
            seen.clear();
            try (Connection c = stores.dataSource(ServiceName.DEPOT).getConnection()) {
                try (PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO products (sku, name, price_cents, stock) VALUES (?, 'n', 1, 1)")) {
                    insert.setString(1, "a");
                    insert.executeUpdate();
                    insert.setString(1, "b");
                    insert.addBatch();
                    insert.executeBatch();
                }
                c.commit();
                try (Statement statement = c.createStatement()) {
                    statement.executeQuery("SELECT COUNT(*) FROM products").close();
                }
                c.rollback();
                assertThat(c.isValid(1)).isTrue();
            }
            CostCounters.Costs costs = counters.snapshot().minus(before);
            assertThat(costs.count(RoundTrip.STATEMENT)).isEqualTo(3);
            assertThat(costs.count(RoundTrip.COMMIT)).isEqualTo(1);
            assertThat(costs.count(RoundTrip.ROLLBACK)).isEqualTo(1);
            assertThat(costs.count(RoundTrip.CONNECTION_CHECK)).isEqualTo(1);
            assertThat(costs.roundTrips()).isEqualTo(6);
            assertThat(seen).allMatch(label -> label.startsWith("depot:"));
        }
    }

    @Test
    void aBatchCountsOneRoundTripPerStatementUnlessItsDriverSendsItAsOneRequest() throws Exception {
        CostCounters counters = new CostCounters();
        Stores.reset(config);
        try (Stores stores = Stores.open(config, Topology.DATABASE_PER_SERVICE, JdbcDecorator.of(counters))) {
            CostCounters.Costs before = counters.snapshot();
            try (Connection h2 = stores.dataSource(ServiceName.DEPOT).getConnection()) {
                insertThreeProducts(h2, "h2-");
                CostCounters.Costs perStatement = counters.snapshot().minus(before);
                assertThat(perStatement.count(RoundTrip.STATEMENT)).as("H2 runs each statement on its own").isEqualTo(3);

                CostCounters asOne = new CostCounters();
                insertThreeProducts(JdbcDecorator.of(asOne).decorate(ServiceName.DEPOT, h2), "one-");
                assertThat(asOne.snapshot().count(RoundTrip.STATEMENT)).as("as pgjdbc sends it").isEqualTo(1);
                h2.rollback();
            }
        }
    }

    private static void insertThreeProducts(Connection connection, String skuPrefix) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO products (sku, name, price_cents, stock) VALUES (?, 'n', 1, 1)")) {
            for (int i = 0; i < 3; i++) {
                insert.setString(1, skuPrefix + i);
                insert.addBatch();
            }
            assertThat(insert.executeBatch()).hasSize(3);
        }
    }

    @Test
    void countsTheXaProtocolCallsAndComparesResourcesUnwrapped() throws Exception {
        CostCounters counters = new CostCounters();
        Stores.reset(config);
        try (Stores stores = Stores.open(config, Topology.DATABASE_PER_SERVICE, JdbcDecorator.of(counters))) {
            XAConnection xa = stores.xaDataSource(ServiceName.PAYMENTS).getXAConnection();
            XAConnection other = stores.xaDataSource(ServiceName.PAYMENTS).getXAConnection();
            try {
                XAResource resource = xa.getXAResource();
                assertThat(resource.isSameRM(resource)).isTrue();
                CostCounters.Costs before = counters.snapshot();
                Xid xid = new TestXid(1);
                resource.start(xid, XAResource.TMNOFLAGS);
                try (Statement statement = xa.getConnection().createStatement()) {
                    statement.executeUpdate("INSERT INTO accounts (customer_id, balance_cents) VALUES ('x', 1)");
                }
                resource.end(xid, XAResource.TMSUCCESS);
                assertThat(resource.prepare(xid)).isEqualTo(XAResource.XA_OK);
                resource.commit(xid, false);
                CostCounters.Costs costs = counters.snapshot().minus(before);
                assertThat(costs.count(RoundTrip.XA_START)).isEqualTo(1);
                assertThat(costs.count(RoundTrip.XA_END)).isEqualTo(1);
                assertThat(costs.count(RoundTrip.XA_PREPARE)).isEqualTo(1);
                assertThat(costs.count(RoundTrip.XA_COMMIT)).isEqualTo(1);
                assertThat(costs.count(RoundTrip.STATEMENT)).isEqualTo(1);
                assertThat(other.getXAResource().isSameRM(resource)).isFalse();
            } finally {
                xa.close();
                other.close();
            }
        }
    }

    @Test
    void anInjectedFailureReplacesTheRoundTripAndALostConnectionIsClosedUnderneath() throws Exception {
        JdbcInterceptor failFirstCommit = new JdbcInterceptor() {
            private boolean failed;

            @Override
            public Optional<InjectedFailure> failureInstead(ServiceName service, RoundTrip kind) {
                if (kind != RoundTrip.XA_COMMIT || failed) {
                    return Optional.empty();
                }
                failed = true;
                XAException rmfail = new XAException("injected");
                rmfail.errorCode = XAException.XAER_RMFAIL;
                return Optional.of(new InjectedFailure(rmfail, true));
            }
        };
        CostCounters counters = new CostCounters();
        Stores.reset(config);
        try (Stores stores = Stores.open(config, Topology.DATABASE_PER_SERVICE, JdbcDecorator.of(counters))) {
            XAConnection xa = JdbcDecorator.of(failFirstCommit).decorate(ServiceName.PAYMENTS,
                    stores.xaDataSource(ServiceName.PAYMENTS).getXAConnection());
            Connection connection = xa.getConnection();
            XAResource resource = xa.getXAResource();
            Xid xid = new TestXid(2);
            resource.start(xid, XAResource.TMNOFLAGS);
            resource.end(xid, XAResource.TMSUCCESS);
            resource.prepare(xid);
            CostCounters.Costs before = counters.snapshot();

            assertThatThrownBy(() -> resource.commit(xid, false)).isInstanceOfSatisfying(XAException.class,
                    e -> assertThat(e.errorCode).isEqualTo(XAException.XAER_RMFAIL));
            assertThat(counters.snapshot().minus(before).count(RoundTrip.XA_COMMIT)).as("never sent").isZero();
            assertThat(connection.isClosed()).as("the lost connection is closed").isTrue();
        }
    }

    private record TestXid(int id) implements Xid {
        @Override
        public int getFormatId() {
            return 0x7478;
        }

        @Override
        public byte[] getGlobalTransactionId() {
            return new byte[] {(byte) id};
        }

        @Override
        public byte[] getBranchQualifier() {
            return new byte[] {1};
        }
    }
}
