package dev.txlab.harness.run;

import dev.txlab.harness.store.DatabaseLocation;
import dev.txlab.harness.store.StoreConfig;
import dev.txlab.harness.store.StoreUnavailableException;
import dev.txlab.harness.store.internal.DatabaseAdmin;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

/**
 * A prefix's lock on one database server, held by a session of its own for as long as it is open:
 * PostgreSQL's session advisory lock on a key derived from the prefix, MariaDB's named lock
 * {@code txlab:<prefix>}. The server drops it with the session, so a killed holder's lock goes
 * when its connection does.
 */
final class ServerLock implements AutoCloseable {
    /** PostgreSQL keeps at most this much of an application name. */
    private static final int APPLICATION_NAME_LENGTH = 63;

    private final Connection session;

    private ServerLock(Connection session) {
        this.session = session;
    }

    /** Takes the lock, trying again for {@code retry} (a killed holder's session may still be ending). */
    static ServerLock take(StoreConfig config, DatabaseLocation onServer, String holder, Duration retry,
                           Duration pause) {
        Connection session = new DatabaseAdmin(config).connectToServer(onServer);
        String server = onServer.kind().id() + " at " + config.endpoint(onServer.kind()).baseUrl();
        try {
            long deadline = System.nanoTime() + retry.toNanos();
            while (true) {
                if (tryLock(session, onServer, config.prefix(), holder)) {
                    return new ServerLock(session);
                }
                if (System.nanoTime() >= deadline) {
                    throw new PrefixInUseException("prefix '" + config.prefix() + "' is in use on " + server + " by "
                            + holderOn(session, onServer, config.prefix()) + "; wait for it to end, or use another "
                            + "--db-prefix");
                }
                LockSupport.parkNanos(pause.toNanos());
            }
        } catch (SQLException e) {
            closeQuietly(session);
            throw new StoreUnavailableException("cannot lock prefix '" + config.prefix() + "' on " + server + ": "
                    + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(session);
            throw e;
        }
    }

    private static boolean tryLock(Connection session, DatabaseLocation onServer, String prefix, String holder)
            throws SQLException {
        return switch (onServer.kind()) {
            case POSTGRES -> {
                try (PreparedStatement name = session.prepareStatement("SELECT set_config('application_name', ?, false)")) {
                    name.setString(1, holder.length() > APPLICATION_NAME_LENGTH
                            ? holder.substring(0, APPLICATION_NAME_LENGTH) : holder);
                    name.executeQuery().close();
                }
                yield bool(session, "SELECT pg_try_advisory_lock(?)", key(prefix));
            }
            case MARIADB -> bool(session, "SELECT GET_LOCK(?, 0) = 1", name(prefix));
            case H2_MEM, H2_FILE -> throw new IllegalArgumentException(onServer.kind() + " is not a server");
        };
    }

    /** Who holds the lock, as the server sees it. */
    private static String holderOn(Connection session, DatabaseLocation onServer, String prefix) throws SQLException {
        return switch (onServer.kind()) {
            case POSTGRES -> {
                long key = key(prefix);
                try (PreparedStatement holder = session.prepareStatement("SELECT a.application_name,"
                        + " coalesce(host(a.client_addr), 'a local socket'), a.backend_start FROM pg_locks l"
                        + " JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.granted"
                        + " AND l.classid::bigint = ? AND l.objid::bigint = ? AND l.objsubid = 1")) {
                    holder.setLong(1, key >>> 32);
                    holder.setLong(2, key & 0xffffffffL);
                    try (ResultSet rows = holder.executeQuery()) {
                        yield rows.next() ? "'" + rows.getString(1) + "' (a session from " + rows.getString(2)
                                + " since " + rows.getString(3) + ")" : "a session that has just ended";
                    }
                }
            }
            case MARIADB -> {
                try (PreparedStatement holder = session.prepareStatement("SELECT p.ID, p.HOST, p.TIME FROM"
                        + " information_schema.PROCESSLIST p WHERE p.ID = IS_USED_LOCK(?)")) {
                    holder.setString(1, name(prefix));
                    try (ResultSet rows = holder.executeQuery()) {
                        yield rows.next() ? "connection " + rows.getLong(1) + " from " + rows.getString(2)
                                + " (connected " + rows.getLong(3) + " s)" : "a session that has just ended";
                    }
                }
            }
            case H2_MEM, H2_FILE -> throw new IllegalArgumentException(onServer.kind() + " is not a server");
        };
    }

    /** PostgreSQL's advisory lock key of a prefix: 64 bits of a name-based UUID, the same in every process. */
    static long key(String prefix) {
        return UUID.nameUUIDFromBytes(("txlab prefix lock " + prefix).getBytes(StandardCharsets.UTF_8))
                .getMostSignificantBits();
    }

    private static String name(String prefix) {
        return "txlab:" + prefix;
    }

    private static boolean bool(Connection session, String sql, Object parameter) throws SQLException {
        try (PreparedStatement statement = session.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() && rows.getBoolean(1);
            }
        }
    }

    @Override
    public void close() {
        closeQuietly(session);
    }

    private static void closeQuietly(Connection session) {
        try {
            session.close();
        } catch (SQLException e) {
            // the server drops the lock with the session either way
        }
    }
}
