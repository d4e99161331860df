package dev.txlab.testkit;

import dev.txlab.domain.service.ServiceName;
import dev.txlab.harness.store.JdbcDecorator;
import dev.txlab.harness.store.StoreConfig;
import dev.txlab.harness.store.StoreKind;
import dev.txlab.harness.store.Stores;
import dev.txlab.harness.store.Topology;
import dev.txlab.harness.workload.InitialStateWriter;
import dev.txlab.harness.workload.Workload;
import dev.txlab.harness.workload.WorkloadSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** The same migrations, unchanged, on PostgreSQL, MariaDB and a mix: one database per service, reopened twice. */
class ServerMigrationsTest {

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "mariadb", "orders=postgres,customers=mariadb,depot=postgres,payments=mariadb"})
    void migratesEveryServiceAndAcceptsTheInitialData(String stores) throws Exception {
        StoreConfig config = TestStores.of(StoreKind.H2_MEM, "t_migrations").stores(stores).build();
        for (ServiceName service : ServiceName.values()) {
            Servers.assumeAvailable(config.kind(service));
        }
        Workload workload = Workload.of(WorkloadSpec.builder().customers(50).products(10).orders(10).build());

        Stores.reset(config);
        try (Stores opened = Stores.open(config, Topology.DATABASE_PER_SERVICE, JdbcDecorator.of())) {
            InitialStateWriter.write(workload.initialState(), opened::dataSource);
        }
        try (Stores reopened = Stores.open(config, Topology.DATABASE_PER_SERVICE, JdbcDecorator.of())) {
            assertThat(count(reopened, ServiceName.CUSTOMERS, "customers"))
                    .isEqualTo(workload.initialState().customers().size());
            assertThat(count(reopened, ServiceName.DEPOT, "products")).isEqualTo(10);
            assertThat(count(reopened, ServiceName.PAYMENTS, "accounts"))
                    .isEqualTo(workload.initialState().balancesCents().size());
            assertThat(count(reopened, ServiceName.ORDERS, "orders")).isZero();
            assertThat(count(reopened, ServiceName.ORDERS, "flyway_history_orders")).isPositive();
        }
    }

    private static long count(Stores stores, ServiceName service, String table) throws Exception {
        try (Connection c = stores.dataSource(service).getConnection();
             Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
