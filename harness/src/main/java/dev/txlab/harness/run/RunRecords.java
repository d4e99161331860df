package dev.txlab.harness.run;

import dev.txlab.domain.service.ServiceName;
import dev.txlab.domain.model.AccountsModel;
import dev.txlab.domain.model.OrdersModel;
import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.harness.placement.TmIdentity;
import dev.txlab.harness.store.DatabaseLocation;
import dev.txlab.harness.store.Durability;
import dev.txlab.harness.store.StoreConfig;
import dev.txlab.harness.store.StoreUnavailableException;
import dev.txlab.harness.store.Topology;
import dev.txlab.harness.workload.InitialState;
import dev.txlab.harness.workload.WorkloadSpec;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Reads and writes the one run record of a prefix, kept in the orders database. */
public final class RunRecords {
    private static final int KEY = 1;

    private RunRecords() {
    }

    /** Writes the run record; the initial state is the one generated from the record's workload. */
    public static void write(Connection connection, RunRecord record, InitialState initial) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO txlab_run (run_key, implementation, topology, workload, durability, initial_stock,"
                        + " initial_money_cents, termination_bound_ms, tm_node, tm_log_dir, setup_complete, started_at_ms,"
                        + " run_id, orders_model, accounts_model, snapshot_every)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setInt(1, KEY);
            insert.setString(2, record.implementation().id());
            insert.setString(3, record.topology().name());
            insert.setString(4, record.workload().toText());
            insert.setString(5, record.durability().id());
            insert.setLong(6, initial.totalStock());
            insert.setLong(7, initial.totalMoneyCents());
            insert.setLong(8, record.terminationBound().toMillis());
            insert.setString(9, record.tm().map(TmIdentity::node).orElse(null));
            insert.setString(10, record.tm().map(tm -> tm.logDir().toString()).orElse(null));
            insert.setBoolean(11, record.setupComplete());
            insert.setLong(12, record.startedAt().toEpochMilli());
            insert.setString(13, record.runId());
            insert.setString(14, record.ordersModel().id());
            insert.setString(15, record.accounts().model().id());
            insert.setInt(16, record.accounts().snapshotEvery());
            insert.executeUpdate();
        }
        connection.commit();
    }

    public static void markSetupComplete(Connection connection) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE txlab_run SET setup_complete = ? WHERE run_key = ?")) {
            update.setBoolean(1, true);
            update.setInt(2, KEY);
            update.executeUpdate();
        }
        connection.commit();
    }

    /**
     * Reads the run record straight from the orders database (no pool, no migration), so a command
     * can learn the implementation and topology before it opens the stores. Empty when there is none.
     */
    public static Optional<RunRecord> read(DatabaseLocation orders) {
        try (Connection connection = DriverManager.getConnection(orders.jdbcUrl() + ifExistsOption(orders),
                orders.user(), orders.password())) {
            return read(connection);
        } catch (SQLException e) {
            if (isMissingDatabaseOrTable(e)) {
                return Optional.empty();
            }
            throw new StoreUnavailableException("cannot read the run record from " + orders.describe() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * The run the configuration points at; a plain "nothing to do" ({@link SetupKilledException}) when
     * a setup there was killed before its record existed; otherwise a clear error.
     */
    public static RunRecord find(StoreConfig config) {
        return read(config.location(ServiceName.ORDERS)).orElseThrow(() -> SetupMarker.left(config)
                .<RuntimeException>map(setup -> new SetupKilledException("no run record with prefix '"
                        + config.prefix() + "': " + setup + " was killed before it wrote one, so no order was "
                        + "acknowledged and nothing needs recovering or auditing"))
                .orElseGet(() -> new IllegalArgumentException("no run found with prefix '" + config.prefix()
                        + "' in " + config.location(ServiceName.ORDERS).describe()
                        + "; pass the same --store, --db-prefix and --data-dir as the run")));
    }

    static Optional<RunRecord> read(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT implementation, topology, workload, durability, termination_bound_ms, tm_node,"
                        + " tm_log_dir, setup_complete, started_at_ms, run_id, acknowledged, ledger_sha256, orders_model,"
                        + " accounts_model, snapshot_every"
                        + " FROM txlab_run"
                        + " WHERE run_key = ?")) {
            select.setInt(1, KEY);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(new RunRecord(rows.getString(10), ImplementationId.parse(rows.getString(1)),
                        Topology.valueOf(rows.getString(2)), WorkloadSpec.parse(rows.getString(3)),
                        Durability.parse(rows.getString(4)), Duration.ofMillis(rows.getLong(5)),
                        tm(rows.getString(6), rows.getString(7)), rows.getBoolean(8),
                        Instant.ofEpochMilli(rows.getLong(9)), seal(rows.getObject(11) == null ? null : rows.getLong(11),
                        rows.getString(12)), rows.getString(13) == null ? OrdersModel.STATE
                        : OrdersModel.parse(rows.getString(13)), rows.getString(14) == null ? AccountsSetting.STATE
                        : new AccountsSetting(AccountsModel.parse(rows.getString(14)), rows.getInt(15))));
            }
        }
    }

    /**
     * Seals the run's ledger into its record: the run has ended, and its ledger holds exactly this.
     * Written on a connection of its own, past the run's decorator point, so that neither the cost
     * counters nor the fault plan's database outage apply to this bookkeeping.
     */
    public static void sealLedger(DatabaseLocation orders, Ledger.Seal seal) {
        try (Connection connection = DriverManager.getConnection(orders.jdbcUrl(), orders.user(), orders.password());
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE txlab_run SET acknowledged = ?, ledger_sha256 = ? WHERE run_key = ?")) {
            update.setLong(1, seal.acknowledged());
            update.setString(2, seal.sha256());
            update.setInt(3, KEY);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot seal the ledger into the run record in " + orders.describe()
                    + ": " + e.getMessage(), e);
        }
    }

    private static Optional<Ledger.Seal> seal(Long acknowledged, String sha256) {
        return acknowledged == null || sha256 == null ? Optional.empty()
                : Optional.of(new Ledger.Seal(acknowledged, sha256));
    }

    private static Optional<TmIdentity> tm(String node, String logDir) {
        return node == null ? Optional.empty() : Optional.of(new TmIdentity(node, Path.of(logDir)));
    }

    private static String ifExistsOption(DatabaseLocation orders) {
        return switch (orders.kind()) {
            case H2_FILE, H2_MEM -> ";IFEXISTS=TRUE";
            case POSTGRES, MARIADB -> "";
        };
    }

    private static boolean isMissingDatabaseOrTable(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return state.equals("3D000")            // PostgreSQL: database does not exist
                || state.equals("42P01")        // PostgreSQL: table does not exist
                || state.equals("42S02")        // H2 / MariaDB: table not found
                || state.equals("42000") && e.getErrorCode() == 1049   // MariaDB: unknown database
                || e.getErrorCode() == 1049
                || e.getErrorCode() == 90146    // H2: database not found (IFEXISTS)
                || e.getErrorCode() == 90013;   // H2: database not found
    }
}
