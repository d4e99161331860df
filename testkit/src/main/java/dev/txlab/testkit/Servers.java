package dev.txlab.testkit;

import dev.txlab.domain.service.ServiceName;
import dev.txlab.harness.store.StoreConfig;
import dev.txlab.harness.store.StoreKind;
import dev.txlab.harness.store.StoreUnavailableException;
import dev.txlab.harness.store.internal.DatabaseAdmin;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Whether the database servers a test needs are up. Locally a missing server skips the test,
 * saying why; with {@code TXLAB_REQUIRE_SERVICES=1} (CI) it fails it.
 */
public final class Servers {
    public static final String REQUIRE_ENV = "TXLAB_REQUIRE_SERVICES";

    private Servers() {
    }

    public static boolean required() {
        return "1".equals(System.getenv(REQUIRE_ENV));
    }

    /** Skips (locally) or fails (in CI) the calling test when nothing listens at host:port. */
    public static void assumeReachable(String server, String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 2_000);
        } catch (IOException e) {
            unavailable(server + " at " + host + ":" + port + " not reachable: " + e.getMessage());
        }
    }

    /** Skips (locally) or fails (in CI) the calling test when a program it drives is not installed. */
    public static void assumeInstalled(String program, java.nio.file.Path executable, String installedBy) {
        if (!java.nio.file.Files.isExecutable(executable)) {
            unavailable(program + " not installed at " + executable + " (" + installedBy + ")");
        }
    }

    private static void unavailable(String message) {
        if (required()) {
            Assertions.fail(message + " (" + REQUIRE_ENV + "=1, so this is a failure)");
        }
        Assumptions.abort(message + " (set " + REQUIRE_ENV + "=1 to make this a failure)");
    }

    /**
     * Skips (locally) or fails (in CI) the calling test when the server of {@code kind} cannot hold XA
     * branches prepared: PostgreSQL as Debian ships it has {@code max_prepared_transactions = 0}. The
     * XA tests on PostgreSQL need at least {@value #PREPARED_TRANSACTIONS_NEEDED} (8 callers x 4
     * databases and the spares, as {@code .ci/run} sets it: 64).
     */
    public static void assumePreparedTransactions(StoreKind kind) {
        assumeAvailable(kind);
        if (kind != StoreKind.POSTGRES) {
            return;
        }
        int prepared = maxPreparedTransactions();
        if (prepared < PREPARED_TRANSACTIONS_NEEDED) {
            unavailable("PostgreSQL has max_prepared_transactions = " + prepared + "; the XA tests need at least "
                    + PREPARED_TRANSACTIONS_NEEDED + " (ALTER SYSTEM SET max_prepared_transactions = 64, then restart "
                    + "the server, as .ci/run does)");
        }
    }

    /** PostgreSQL prepared branches the XA tests hold at most at once: 8 callers x 4 databases and the spares. */
    public static final int PREPARED_TRANSACTIONS_NEEDED = 40;

    /** PostgreSQL's {@code SHOW max_prepared_transactions} on the default server. */
    public static int maxPreparedTransactions() {
        StoreConfig config = StoreConfig.builder().allServices(StoreKind.POSTGRES).build();
        try (Connection connection = new DatabaseAdmin(config).connectToServer(config.location(ServiceName.ORDERS));
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SHOW max_prepared_transactions")) {
            rows.next();
            return Integer.parseInt(rows.getString(1));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read max_prepared_transactions: " + e.getMessage(), e);
        }
    }

    /** Skips (locally) or fails (in CI) the calling test when the server of {@code kind} is unreachable. */
    public static void assumeAvailable(StoreKind kind) {
        if (!kind.isServer()) {
            return;
        }
        StoreConfig config = StoreConfig.builder().allServices(kind).build();
        try {
            Connection connection = new DatabaseAdmin(config).connectToServer(config.location(ServiceName.ORDERS));
            connection.close();
        } catch (StoreUnavailableException | SQLException e) {
            unavailable(kind.id() + " server not available: " + e.getMessage());
        }
    }
}
