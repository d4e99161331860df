package dev.txlab.harness.store;

import dev.txlab.domain.service.ServiceName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The four services' migrations on H2, one database each or all in one; PostgreSQL and MariaDB in testkit. */
class MigrationsTest {

    @Test
    void eachServiceGetsItsOwnTablesInItsOwnDatabase() throws Exception {
        StoreConfig config = StoreConfig.builder().allServices(StoreKind.H2_MEM).prefix("migrations_a").build();
        Stores.reset(config);
        try (Stores stores = Stores.open(config, Topology.DATABASE_PER_SERVICE, JdbcDecorator.of())) {
            assertThat(tables(stores, ServiceName.ORDERS)).contains("ORDERS", "ORDER_ITEMS", "TXLAB_RUN")
                    .doesNotContain("PRODUCTS");
            assertThat(tables(stores, ServiceName.DEPOT)).contains("PRODUCTS", "SHOPPING_LISTS", "SHOPPING_LIST_ITEMS")
                    .doesNotContain("ORDERS");
        }
    }

    @Test
    void allFourSchemasShareOneDatabaseForTheBaselineAndReopeningMigratesNothing() throws Exception {
        StoreConfig config = StoreConfig.builder().allServices(StoreKind.H2_MEM).prefix("migrations_b").build();
        Stores.reset(config);
        try (Stores stores = Stores.open(config, Topology.SINGLE_DATABASE, JdbcDecorator.of())) {
            assertThat(tables(stores, ServiceName.ORDERS)).contains("ORDERS", "CUSTOMERS", "PRODUCTS", "ACCOUNTS",
                    "FLYWAY_HISTORY_ORDERS", "FLYWAY_HISTORY_PAYMENTS");
        }
        try (Stores reopened = Stores.open(config, Topology.SINGLE_DATABASE, JdbcDecorator.of())) {
            assertThat(tables(reopened, ServiceName.DEPOT)).contains("PRODUCTS");
        }
    }

    private static List<String> tables(Stores stores, ServiceName service) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection c = stores.dataSource(service).getConnection();
             ResultSet rows = c.getMetaData().getTables(null, "PUBLIC", "%", new String[] {"TABLE"})) {
            while (rows.next()) {
                names.add(rows.getString("TABLE_NAME").toUpperCase(java.util.Locale.ROOT));
            }
        }
        return names;
    }
}
