package dev.txlab.harness.run;

import dev.txlab.harness.store.DatabaseLocation;
import dev.txlab.harness.store.StoreConfig;
import dev.txlab.harness.store.StoreKind;
import dev.txlab.harness.store.StoreUnavailableException;
import dev.txlab.harness.store.internal.DatabaseAdmin;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a database server allows a run, read through JDBC before the run touches it: its connection
 * limit and the connections in use, and for XA the prepared transactions it can hold (PostgreSQL's
 * {@code max_prepared_transactions}, less those other runs hold now) and whether the run's user may
 * list and resolve another connection's branches (MariaDB's {@code XA RECOVER} and
 * {@code XA ROLLBACK}, what a transaction manager's recovery does).
 *
 * @param server            the server, as printed (kind and address)
 * @param connectionsFree   connections a new client may still open (limit, less those in use and
 *                          those reserved for superusers when the user is not one)
 * @param preparedFree      prepared transactions the server can still hold; {@link Integer#MAX_VALUE}
 *                          where there is no such limit (MariaDB)
 * @param xaRefusal         why the user may not recover XA branches, when it may not
 */
record ServerLimits(StoreKind kind, String server, int maxConnections, int connectionsInUse, int connectionsFree,
                    int maxPrepared, int preparedByOthers, int preparedFree, Optional<String> xaRefusal) {
    /** MariaDB's error for an XA id it does not know: the probe's rollback was allowed. */
    private static final int XAER_NOTA = 1397;
    private static final String PROBE_XID = "txlab-preflight-probe";

    /**
     * Reads the limits of the server of {@code kind}; {@code ownDatabases} are the run's databases
     * there (their prepared branches are the run's own leftovers, which its reset rolls back).
     */
    static ServerLimits read(StoreConfig config, DatabaseLocation anyOnServer, Collection<String> ownDatabases,
                             boolean xa) {
        String server = anyOnServer.kind().id() + " at " + config.endpoint(anyOnServer.kind()).baseUrl();
        try (Connection admin = new DatabaseAdmin(config).connectToServer(anyOnServer);
             Statement statement = admin.createStatement()) {
            return switch (anyOnServer.kind()) {
                case POSTGRES -> postgres(statement, server, ownDatabases);
                case MARIADB -> mariadb(statement, server, xa);
                case H2_MEM, H2_FILE -> throw new IllegalArgumentException(anyOnServer.kind() + " is not a server");
            };
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot read the settings of " + server + ": " + e.getMessage(), e);
        }
    }

    private static ServerLimits postgres(Statement statement, String server, Collection<String> ownDatabases)
            throws SQLException {
        int maxConnections = intOf(statement, "SHOW max_connections");
        int inUse = intOf(statement, "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend'")
                - 1; // this connection closes before the run opens its own
        boolean superuser = "t".equals(stringOf(statement,
                "SELECT rolsuper FROM pg_roles WHERE rolname = current_user"));
        int reserved = superuser ? 0 : intOf(statement, "SHOW superuser_reserved_connections");
        int maxPrepared = intOf(statement, "SHOW max_prepared_transactions");
        String own = ownDatabases.stream().map(name -> "'" + name.replace("'", "''") + "'")
                .collect(Collectors.joining(", "));
        int preparedByOthers = intOf(statement, "SELECT count(*) FROM pg_prepared_xacts WHERE database NOT IN ("
                + own + ")");
        return new ServerLimits(StoreKind.POSTGRES, server, maxConnections, inUse,
                maxConnections - inUse - reserved, maxPrepared, preparedByOthers, maxPrepared - preparedByOthers,
                Optional.empty());
    }

    private static ServerLimits mariadb(Statement statement, String server, boolean xa) throws SQLException {
        int maxConnections = intOf(statement, "SELECT @@max_connections");
        int inUse = intOf(statement, "SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS"
                + " WHERE VARIABLE_NAME = 'THREADS_CONNECTED'") - 1;
        return new ServerLimits(StoreKind.MARIADB, server, maxConnections, inUse, maxConnections - inUse,
                Integer.MAX_VALUE, 0, Integer.MAX_VALUE, xa ? xaRefusal(statement) : Optional.empty());
    }

    /** Lists the server's prepared branches and rolls back an id nobody uses, as a TM's recovery would. */
    private static Optional<String> xaRefusal(Statement statement) throws SQLException {
        String user = stringOf(statement, "SELECT CURRENT_USER()");
        try {
            statement.executeQuery("XA RECOVER").close();
        } catch (SQLException e) {
            return Optional.of(user + " may not run XA RECOVER (" + firstLine(e) + ")");
        }
        try {
            statement.execute("XA ROLLBACK '" + PROBE_XID + "'");
        } catch (SQLException e) {
            if (e.getErrorCode() != XAER_NOTA) {
                return Optional.of(user + " may not roll back another connection's XA branch (" + firstLine(e) + ")");
            }
        }
        return Optional.empty();
    }

    private static String firstLine(SQLException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        return message.lines().findFirst().orElse("").strip();
    }

    private static int intOf(Statement statement, String sql) throws SQLException {
        return Integer.parseInt(stringOf(statement, sql).trim());
    }

    private static String stringOf(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            if (!rows.next()) {
                throw new SQLException("no row from: " + sql);
            }
            return rows.getString(1);
        }
    }
}
