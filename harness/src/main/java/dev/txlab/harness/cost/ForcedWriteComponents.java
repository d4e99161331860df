package dev.txlab.harness.cost;

import java.nio.file.Path;

/**
 * Names the component a forced write belongs to, from the file it forced: under the run's data
 * directory an H2 database ({@code H2 orders}), a TM log ({@code tm-...}) or the broker's journal
 * ({@code broker-...}), txlab's ledger of acknowledged orders; outside it a server's files (PostgreSQL's WAL and data, MariaDB's, NATS's
 * store). A call that names no file ({@code sync}, {@code msync}) is named by the call.
 */
public final class ForcedWriteComponents {
    /** txlab's own record of acknowledged orders, forced per acknowledgement under durability power. */
    public static final String LEDGER = "txlab ledger";
    private final Path runDir;
    private final String databasePrefix;

    /** The components of a run whose files are under {@code runDir}, its H2 files named {@code <prefix>_<service>}. */
    public ForcedWriteComponents(Path runDir, String databasePrefix) {
        this.runDir = runDir.toAbsolutePath().normalize();
        this.databasePrefix = databasePrefix + "_";
    }

    /** The component of a forced write of {@code file}; {@code call} names one that has no file. */
    public String of(String call, String file) {
        if (file == null || file.isEmpty()) {
            return call + " (no file)";
        }
        Path path = Path.of(file).toAbsolutePath().normalize();
        if (path.startsWith(runDir) && !path.equals(runDir)) {
            return underRunDir(runDir.relativize(path));
        }
        return serverFile(file);
    }

    private String underRunDir(Path relative) {
        String first = relative.getName(0).toString();
        if (relative.getNameCount() == 1 && first.endsWith(".mv.db")) {
            String database = first.substring(0, first.length() - ".mv.db".length());
            return "H2 " + (database.startsWith(databasePrefix) ? database.substring(databasePrefix.length()) : database);
        }
        if (first.startsWith("ledger-")) {
            return LEDGER;
        }
        return first;
    }

    private static String serverFile(String file) {
        if (file.contains("/pg_wal/")) {
            return "PostgreSQL WAL";
        }
        if (file.contains("postgres")) {
            return "PostgreSQL data files";
        }
        if (file.contains("/mysql/")) {
            return file.contains("ib_logfile") ? "MariaDB redo log" : "MariaDB data files";
        }
        if (file.contains("nats")) {
            return "NATS store";
        }
        return "other: " + file;
    }
}
