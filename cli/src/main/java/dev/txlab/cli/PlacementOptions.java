package dev.txlab.cli;

import dev.txlab.harness.store.Durability;
import dev.txlab.harness.store.ServerEndpoint;
import dev.txlab.harness.store.StoreConfig;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The flags that say where a run's data lives; run, audit and recover take the same ones. */
final class PlacementOptions {
    @Option(names = "--store", paramLabel = "KIND|MIX", defaultValue = "h2-file",
            description = "h2-file (default), h2 (in memory, not durable), postgres, mariadb, or a mix such as "
                    + "orders=postgres,depot=mariadb")
    String store;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "txlab-data",
            description = "folder for H2 files, the ledger and logs (default: ${DEFAULT-VALUE})")
    Path dataDir;

    @Option(names = "--db-prefix", paramLabel = "PREFIX", defaultValue = StoreConfig.DEFAULT_PREFIX,
            description = "databases are named PREFIX_<service> (default: ${DEFAULT-VALUE})")
    String prefix;

    @Option(names = "--durability", paramLabel = "none|process|power",
            description = "durability profile for every component (default: process; none with --store h2)")
    String durability;

    @Option(names = "--postgres-url", defaultValue = "jdbc:postgresql://127.0.0.1:5432/",
            description = "PostgreSQL server URL without database (default: ${DEFAULT-VALUE})")
    String postgresUrl;

    @Option(names = "--postgres-user", paramLabel = "USER", defaultValue = "postgres",
            description = "PostgreSQL user (default: ${DEFAULT-VALUE})")
    String postgresUser;

    @Option(names = "--postgres-password", paramLabel = "PASSWORD", defaultValue = "${env:TXLAB_POSTGRES_PASSWORD:-}",
            description = "PostgreSQL password (default: $TXLAB_POSTGRES_PASSWORD, else none; prefer the variable: "
                    + "a password on the command line shows in ps)")
    String postgresPassword;

    @Option(names = "--mariadb-url", defaultValue = "jdbc:mariadb://127.0.0.1:3306/",
            description = "MariaDB server URL without database (default: ${DEFAULT-VALUE})")
    String mariadbUrl;

    @Option(names = "--mariadb-user", paramLabel = "USER", defaultValue = "root",
            description = "MariaDB user (default: ${DEFAULT-VALUE})")
    String mariadbUser;

    @Option(names = "--mariadb-password", paramLabel = "PASSWORD", defaultValue = "${env:TXLAB_MARIADB_PASSWORD:-}",
            description = "MariaDB password (default: $TXLAB_MARIADB_PASSWORD, else none; prefer the variable: "
                    + "a password on the command line shows in ps)")
    String mariadbPassword;

    /** The store configuration; a run sizes its own pools for its callers, audit and recover keep the default. */
    StoreConfig toConfig() {
        requireUrl("--postgres-url", postgresUrl, "jdbc:postgresql://");
        requireUrl("--mariadb-url", mariadbUrl, "jdbc:mariadb://");
        return StoreConfig.builder()
                .stores(store)
                .dataDir(dataDir)
                .prefix(prefix)
                .durability(durability == null ? null : Durability.parse(durability))
                .postgres(new ServerEndpoint(postgresUrl, postgresUser, postgresPassword))
                .mariadb(new ServerEndpoint(mariadbUrl, mariadbUser, mariadbPassword))
                .build();
    }

    private static void requireUrl(String flag, String url, String scheme) {
        if (!url.startsWith(scheme)) {
            throw new IllegalArgumentException("invalid " + flag + " '" + url + "'; expected a URL like " + scheme
                    + "127.0.0.1:PORT/");
        }
    }
}
