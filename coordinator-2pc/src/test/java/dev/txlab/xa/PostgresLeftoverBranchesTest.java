package dev.txlab.xa;

import dev.txlab.domain.service.ServiceName;
import dev.txlab.harness.store.DatabaseLocation;
import dev.txlab.harness.store.StoreConfig;
import dev.txlab.harness.store.StoreKind;
import dev.txlab.harness.store.Stores;
import dev.txlab.testkit.Servers;
import dev.txlab.testkit.TestStores;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run killed between prepare and commit leaves prepared transactions in its PostgreSQL databases;
 * the next fresh run's reset rolls them back (ROLLBACK PREPARED takes a literal gid, not a bind
 * parameter: the fault catalog found the reset failing on such a leftover).
 */
class PostgresLeftoverBranchesTest {
    private static final String GID = "txlab-leftover-it's";

    @Test
    void aFreshRunRollsBackWhatAKilledRunLeftPrepared() throws Exception {
        Servers.assumePreparedTransactions(StoreKind.POSTGRES);
        StoreConfig config = TestStores.of(StoreKind.POSTGRES, "t_pg_leftover").build();
        Stores.reset(config);
        DatabaseLocation depot = config.location(ServiceName.DEPOT);
        try (Connection connection = DriverManager.getConnection(depot.jdbcUrl(), depot.user(), depot.password());
             Statement statement = connection.createStatement()) {
            statement.execute("BEGIN");
            statement.execute("SELECT 1");
            statement.execute("PREPARE TRANSACTION '" + GID.replace("'", "''") + "'");
        }
        assertThat(prepared(depot)).isTrue();

        Stores.reset(config);

        assertThat(prepared(depot)).isFalse();
    }

    private static boolean prepared(DatabaseLocation location) throws Exception {
        try (Connection connection = DriverManager.getConnection(location.jdbcUrl(), location.user(),
                location.password());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT 1 FROM pg_prepared_xacts WHERE gid = '"
                     + GID.replace("'", "''") + "'")) {
            return rows.next();
        }
    }
}
