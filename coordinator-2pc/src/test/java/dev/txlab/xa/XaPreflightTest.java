package dev.txlab.xa;

import dev.txlab.harness.run.Preflight;
import dev.txlab.harness.run.PreflightFailedException;
import dev.txlab.harness.store.StoreConfig;
import dev.txlab.harness.store.StoreKind;
import dev.txlab.testkit.Servers;
import dev.txlab.testkit.TestStores;
import dev.txlab.xa.atomikos.AtomikosProvider;
import dev.txlab.xa.narayana.NarayanaProvider;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The preflight of XA runs against the real servers' settings, read through JDBC. */
class XaPreflightTest {

    @Test
    void twoHundredCallersOnPostgresAreStoppedByItsPreparedTransactionsOrConnections() throws Exception {
        Servers.assumeAvailable(StoreKind.POSTGRES);
        StoreConfig config = TestStores.of(StoreKind.POSTGRES, "t_preflight_pg").build();
        int maxPrepared = Integer.parseInt(show("max_prepared_transactions"));
        Preflight preflight = Preflight.of(config, new NarayanaProvider());

        assertThatThrownBy(() -> preflight.check(200)).isInstanceOf(PreflightFailedException.class)
                .hasMessageContaining("max_prepared_transactions = " + maxPrepared)
                .hasMessageContaining("ALTER SYSTEM SET max_prepared_transactions = ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));

        Preflight.CallerLimit limit = preflight.callerLimit(200);
        assertThat(limit.cappedBy()).hasValue("max_prepared_transactions (" + maxPrepared + ") of postgres at "
                + "jdbc:postgresql://127.0.0.1:5432/");
        if (maxPrepared == 0) {
            assertThat(limit.callers()).as("nothing can be prepared").isZero();
        } else {
            assertThat(limit.callers()).isBetween(1, (maxPrepared - 4) / 4);
            assertThatCode(() -> preflight.check(limit.callers())).doesNotThrowAnyException();
        }
    }

    @Test
    void onMariaDbTheUserMayRecoverBranchesAndTwoHundredCallersNeedMoreConnectionsThanTheServerHas() {
        Servers.assumeAvailable(StoreKind.MARIADB);
        StoreConfig config = TestStores.of(StoreKind.MARIADB, "t_preflight_maria").build();
        Preflight preflight = Preflight.of(config, new AtomikosProvider());

        assertThatCode(() -> preflight.check(4)).doesNotThrowAnyException();
        assertThatThrownBy(() -> preflight.check(200)).isInstanceOf(PreflightFailedException.class)
                .hasMessageStartingWith("mariadb at jdbc:mariadb://127.0.0.1:3306/ has max_connections = ")
                .hasMessageContaining("xa-atomikos with 200 callers can open 836 (a pool of 6 on the orders "
                        + "database, a pool of 6 on each of 3 other databases, 203 of the transaction manager on each)")
                .hasMessageContaining("or lower --concurrency (at most ");
    }

    private static String show(String setting) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres",
                "postgres", "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SHOW " + setting)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
