package dev.txlab.harness.store;

import dev.txlab.domain.service.ServiceName;
import dev.txlab.harness.store.internal.DatabaseAdmin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The bytes a run's databases wrote between two readings, as each kind can tell: PostgreSQL's
 * write-ahead log (the advance of its insert position, {@code pg_current_wal_insert_lsn()}), MariaDB's
 * redo log ({@code Innodb_os_log_written}), both for the whole server (nothing else may run beside a
 * measurement), and the growth of H2's
 * database files (an MVStore file grows by chunks and reuses the space it freed, so its growth is a
 * floor of what was written, and may be 0 over a short span).
 *
 * <p>Not {@code pg_stat_wal.wal_bytes}: each PostgreSQL session adds its WAL to that view only when
 * it flushes its statistics (PostgreSQL 15: at most once a second, or 10 s after it goes idle), so a
 * reading right after a short run missed what the pool's open sessions wrote (0 bytes after 60
 * orders). The insert position is the server's own, current at every call.
 */
public final class BytesWritten {
    /** Where a reading comes from: one server's log, or the H2 files of the run's databases. */
    private enum Source {
        POSTGRES_WAL("PostgreSQL WAL (pg_current_wal_insert_lsn advance, whole server)"),
        MARIADB_REDO("MariaDB redo log (Innodb_os_log_written, whole server)"),
        H2_FILES("H2 database file growth");

        private final String label;

        Source(String label) {
            this.label = label;
        }
    }

    private final Stores stores;
    private final Map<Source, Long> start;

    private BytesWritten(Stores stores) {
        this.stores = stores;
        this.start = read(stores);
    }

    /** Starts counting now. */
    public static BytesWritten from(Stores stores) {
        return new BytesWritten(stores);
    }

    /** What was written since the start, per source. */
    public Reading sinceStart() {
        Map<Source, Long> now = read(stores);
        Map<String, Long> written = new LinkedHashMap<>();
        now.forEach((source, bytes) -> written.put(source.label, bytes - start.get(source)));
        return new Reading(written);
    }

    /** Bytes written per source, by its label. */
    public record Reading(Map<String, Long> bytesBySource) {
        public Reading {
            bytesBySource = Map.copyOf(new LinkedHashMap<>(bytesBySource));
        }

        public long total() {
            return bytesBySource.values().stream().mapToLong(Long::longValue).sum();
        }

        /** Bytes per order, summed over the sources, and each source's share in words. */
        public String describePerOrder(int orders) {
            if (orders == 0) {
                return "bytes written per order: no orders";
            }
            List<String> sources = new ArrayList<>();
            bytesBySource.forEach((source, bytes) -> sources.add(String.format(Locale.ROOT, "%s %,.0f",
                    source, (double) bytes / orders)));
            return String.format(Locale.ROOT, "bytes written per order (mean over %d orders): %,.0f (%s)", orders,
                    (double) total() / orders, String.join("; ", sources));
        }
    }

    private static Map<Source, Long> read(Stores stores) {
        Map<Source, Long> readings = new LinkedHashMap<>();
        Set<DatabaseLocation> locations = new LinkedHashSet<>();
        for (ServiceName service : ServiceName.values()) {
            locations.add(stores.location(service));
        }
        DatabaseAdmin admin = new DatabaseAdmin(stores.config());
        for (DatabaseLocation location : locations) {
            switch (location.kind()) {
                case POSTGRES -> readings.computeIfAbsent(Source.POSTGRES_WAL, source -> serverCounter(admin, location,
                        "SELECT pg_wal_lsn_diff(pg_current_wal_insert_lsn(), '0/0')"));
                case MARIADB -> readings.computeIfAbsent(Source.MARIADB_REDO, source -> serverCounter(admin, location,
                        "SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME = "
                                + "'INNODB_OS_LOG_WRITTEN'"));
                case H2_FILE -> readings.merge(Source.H2_FILES, fileSize(stores.config(), location), Long::sum);
                case H2_MEM -> {
                    // nothing is written
                }
            }
        }
        return readings;
    }

    private static long serverCounter(DatabaseAdmin admin, DatabaseLocation location, String query) {
        try (Connection server = admin.connectToServer(location);
             Statement statement = server.createStatement();
             ResultSet rows = statement.executeQuery(query)) {
            if (!rows.next()) {
                throw new IllegalStateException(location.kind().id() + " returned no row for: " + query);
            }
            return rows.getBigDecimal(1).longValueExact();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the bytes " + location.kind().id() + " wrote: "
                    + e.getMessage(), e);
        }
    }

    private static long fileSize(StoreConfig config, DatabaseLocation location) {
        Path file = config.runDir().resolve(location.name() + ".mv.db");
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the size of " + file, e);
        }
    }
}
