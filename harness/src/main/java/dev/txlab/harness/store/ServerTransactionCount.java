package dev.txlab.harness.store;

import dev.txlab.domain.service.ServiceName;
import dev.txlab.harness.store.internal.DatabaseAdmin;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * PostgreSQL's own count of the transactions that a prefix's databases ended ({@code pg_stat_database}:
 * commits, rollbacks, sessions), what the decorator's counts are checked against.
 *
 * <p>Read only once no connection to those databases is left: PostgreSQL 15 publishes a session's
 * counts when it ends, but while it lives up to 10 s late (an idle session flushes them after
 * {@code PGSTAT_IDLE_INTERVAL}). A run creates its databases afresh, so a reading after the run has
 * closed covers the run's whole life, its set-up included.
 *
 * <p>What PostgreSQL counts, measured with psql on this machine: every session's start-up reads the
 * catalog in one transaction (a commit); {@code PREPARE TRANSACTION} counts nothing and
 * {@code COMMIT PREPARED} two commits (the command's and the prepared transaction's); a
 * {@code ROLLBACK PREPARED} one commit and one rollback; a statement outside a transaction block is
 * its own transaction, an empty query included.
 */
public final class ServerTransactionCount {
    private static final long POLL_MILLIS = 50;

    private final DatabaseLocation anyLocation;
    private final Set<String> databases;
    private final DatabaseAdmin admin;

    private ServerTransactionCount(StoreConfig config, Set<String> databases) {
        this.anyLocation = config.location(ServiceName.ORDERS);
        this.databases = databases;
        this.admin = new DatabaseAdmin(config);
    }

    /** What PostgreSQL counted, summed over the databases. */
    public record Reading(long commits, long rollbacks, long sessions) {
        /** Transactions ended, less each session's start-up transaction (no client statement ends it). */
        public long clientTransactions() {
            return commits + rollbacks - sessions;
        }
    }

    /** The count for a configuration whose every service is on PostgreSQL; empty for any other. */
    public static Optional<ServerTransactionCount> of(StoreConfig config) {
        Set<String> databases = new LinkedHashSet<>();
        for (ServiceName service : ServiceName.values()) {
            if (config.kind(service) != StoreKind.POSTGRES) {
                return Optional.empty();
            }
            databases.add(config.location(service).name());
        }
        return Optional.of(new ServerTransactionCount(config, databases));
    }

    /** The databases counted, by name. */
    public Set<String> databases() {
        return databases;
    }

    /**
     * The count once every connection to the databases has closed (so that each session has
     * published its counts); empty when some are still open after {@code patience}.
     */
    public Optional<Reading> afterEveryConnectionClosed(Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        try (Connection server = admin.connectToServer(anyLocation)) {
            Array names = server.createArrayOf("text", databases.toArray());
            while (sessionsOpen(server, names) > 0) {
                if (System.nanoTime() > deadline) {
                    return Optional.empty();
                }
                Thread.sleep(POLL_MILLIS);
            }
            return Optional.of(read(server, names));
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot read pg_stat_database for " + databases + ": "
                    + e.getMessage(), e);
        }
    }

    private static long sessionsOpen(Connection server, Array names) throws SQLException {
        return single(server, "SELECT count(*) FROM pg_stat_activity WHERE datname = ANY(?)", names).get(0);
    }

    private static Reading read(Connection server, Array names) throws SQLException {
        List<Long> sums = single(server, "SELECT coalesce(sum(xact_commit), 0), coalesce(sum(xact_rollback), 0), "
                + "coalesce(sum(sessions), 0) FROM pg_stat_database WHERE datname = ANY(?)", names);
        return new Reading(sums.get(0), sums.get(1), sums.get(2));
    }

    private static List<Long> single(Connection server, String sql, Array names) throws SQLException {
        try (PreparedStatement query = server.prepareStatement(sql)) {
            query.setArray(1, names);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                int columns = row.getMetaData().getColumnCount();
                Long[] values = new Long[columns];
                for (int column = 1; column <= columns; column++) {
                    values[column - 1] = row.getLong(column);
                }
                return List.of(values);
            }
        }
    }
}
