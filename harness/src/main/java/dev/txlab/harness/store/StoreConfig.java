package dev.txlab.harness.store;

import dev.txlab.domain.service.ServiceName;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where every service's database lives, under which name prefix, with which durability. Immutable;
 * built with {@link #builder()}. The same configuration always addresses the same data, which is
 * how {@code run}, {@code recover} and {@code audit} find a run.
 */
public final class StoreConfig {
    public static final String DEFAULT_PREFIX = "txlab";
    public static final Path DEFAULT_DATA_DIR = Path.of("txlab-data");
    public static final StoreKind DEFAULT_KIND = StoreKind.H2_FILE;
    public static final int DEFAULT_POOL_SIZE = 10;
    /** How long a statement waits for a row lock before it fails, on every kind of database (set in the URL). */
    public static final int LOCK_TIMEOUT_MS = 10_000;
    /**
     * An H2 file's settings: every commit written before it returns ({@code WRITE_DELAY=0}: what the
     * durability profile process asks, surviving a halted JVM), and a freed chunk kept 5 s before
     * its space is reused ({@code RETENTION_TIME=5000}; H2's default, 45 s, let the file grow by
     * gigabytes under load before anything was reused; 0 let a reader still walking an old version
     * find its chunk gone: "Chunk 435 not found" in a 10-minute saga-orch run). Compaction:
     * {@code H2Housekeeping}.
     */
    private static final String H2_FILE_SETTINGS = ";WRITE_DELAY=0;RETENTION_TIME=5000;LOCK_TIMEOUT=";

    private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9_]{0,30}");

    private final Map<ServiceName, StoreKind> kinds;
    private final String prefix;
    private final Path dataDir;
    private final Durability durability;
    private final ServerEndpoint postgres;
    private final ServerEndpoint mariadb;
    private final int poolSize;
    /** Pool sizes of the services whose database gets another than {@link #poolSize}. */
    private final Map<ServiceName, Integer> servicePoolSizes;

    private StoreConfig(Builder builder) {
        this.kinds = Collections.unmodifiableMap(new EnumMap<>(builder.kinds));
        this.prefix = builder.prefix;
        this.dataDir = builder.dataDir.toAbsolutePath().normalize();
        this.durability = builder.durability != null ? builder.durability : defaultDurability(kinds);
        this.postgres = builder.postgres;
        this.mariadb = builder.mariadb;
        this.poolSize = builder.poolSize;
        this.servicePoolSizes = Collections.unmodifiableMap(new EnumMap<>(builder.servicePoolSizes));
        validate();
    }

    public static Builder builder() {
        return new Builder();
    }

    public static StoreConfig ofDefaults() {
        return builder().build();
    }

    public StoreKind kind(ServiceName service) {
        return kinds.get(service);
    }

    public String prefix() {
        return prefix;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Durability durability() {
        return durability;
    }

    public int poolSize() {
        return poolSize;
    }

    /** The size of the connection pool of the service's database. */
    public int poolSize(ServiceName service) {
        return servicePoolSizes.getOrDefault(service, poolSize);
    }

    /** This configuration with other pool sizes: one for the orders database, one for every other. */
    public StoreConfig withPoolSizes(int orders, int others) {
        Builder builder = builder().prefix(prefix).dataDir(dataDir).durability(durability).postgres(postgres)
                .mariadb(mariadb).poolSize(others).poolSize(ServiceName.ORDERS, orders);
        kinds.forEach(builder::service);
        return builder.build();
    }

    /** This configuration for another prefix: the same stores, servers, durability and pools. */
    public StoreConfig withPrefix(String otherPrefix) {
        Builder builder = builder().prefix(otherPrefix).dataDir(dataDir).durability(durability).postgres(postgres)
                .mariadb(mariadb).poolSize(poolSize);
        kinds.forEach(builder::service);
        servicePoolSizes.forEach(builder::poolSize);
        return builder.build();
    }

    /** The folder of this prefix's files under the data directory (H2 files, ledger, later TM logs). */
    public Path runDir() {
        return dataDir.resolve(prefix);
    }

    /** The physical database of a service in the given topology. */
    public DatabaseLocation location(ServiceName service, Topology topology) {
        ServiceName owner = topology == Topology.SINGLE_DATABASE ? ServiceName.ORDERS : service;
        return location(owner);
    }

    /**
     * The service's own database ({@code <prefix>_<service>}). Its URL sets what every connection
     * gets once, when it opens: the lock timeout, and read committed (H2's default; MariaDB's is
     * repeatable read), so that no pool need set the isolation again each time it lends a connection.
     */
    public DatabaseLocation location(ServiceName service) {
        StoreKind kind = kinds.get(service);
        String name = prefix + "_" + service.id();
        return switch (kind) {
            case H2_MEM -> new DatabaseLocation(kind, name,
                    "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=" + LOCK_TIMEOUT_MS, "sa", "");
            case H2_FILE -> new DatabaseLocation(kind, name,
                    "jdbc:h2:file:" + runDir().resolve(name) + H2_FILE_SETTINGS + LOCK_TIMEOUT_MS,
                    "sa", "");
            case POSTGRES -> new DatabaseLocation(kind, name,
                    postgres.urlOf(name) + "?options=-c%20lock_timeout%3D" + LOCK_TIMEOUT_MS
                            + "%20-c%20default_transaction_isolation%3Dread%5C%20committed", postgres.user(),
                    postgres.password());
            case MARIADB -> new DatabaseLocation(kind, name,
                    mariadb.urlOf(name) + "?sessionVariables=innodb_lock_wait_timeout=" + LOCK_TIMEOUT_MS / 1000
                            + "&transactionIsolation=READ-COMMITTED", mariadb.user(), mariadb.password());
        };
    }

    public ServerEndpoint endpoint(StoreKind kind) {
        return switch (kind) {
            case POSTGRES -> postgres;
            case MARIADB -> mariadb;
            case H2_MEM, H2_FILE -> throw new IllegalArgumentException(kind.id() + " is not a server");
        };
    }

    /** One line per service, e.g. {@code orders=postgres}; the store as printed with every result. */
    public String describeKinds() {
        if (kinds.values().stream().distinct().count() == 1) {
            return kinds.get(ServiceName.ORDERS).id();
        }
        List<String> parts = new ArrayList<>();
        kinds.forEach((service, kind) -> parts.add(service.id() + "=" + kind.id()));
        return String.join(",", parts);
    }

    /** Components that cannot match the durability profile, named for the report. */
    public List<String> durabilityNotes() {
        List<String> notes = new ArrayList<>();
        kinds.values().stream().distinct().filter(StoreKind::isServer).forEach(kind -> {
            if (durability != Durability.POWER) {
                notes.add(kind.id() + " runs with its own defaults (fsync on commit), stronger than '"
                        + durability.id() + "'");
            }
        });
        return notes;
    }

    private static Durability defaultDurability(Map<ServiceName, StoreKind> kinds) {
        return kinds.values().stream().allMatch(kind -> kind == StoreKind.H2_MEM) ? Durability.NONE : Durability.PROCESS;
    }

    private void validate() {
        if (!PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("invalid database prefix '" + prefix
                    + "'; expected a lower-case letter then up to 30 of [a-z0-9_]");
        }
        if (poolSize < 1 || servicePoolSizes.values().stream().anyMatch(size -> size < 1)) {
            throw new IllegalArgumentException("pool sizes must be at least 1, were " + poolSize + " and "
                    + servicePoolSizes);
        }
        for (Map.Entry<ServiceName, StoreKind> entry : kinds.entrySet()) {
            StoreKind kind = entry.getValue();
            if (kind == StoreKind.H2_MEM && durability != Durability.NONE) {
                throw new IllegalArgumentException("store h2 (in memory, " + entry.getKey().id()
                        + ") keeps nothing, so durability '" + durability.id()
                        + "' cannot hold; use --durability none or --store h2-file");
            }
            if (kind == StoreKind.H2_FILE && durability == Durability.NONE) {
                throw new IllegalArgumentException("store h2-file (" + entry.getKey().id()
                        + ") writes files, so durability 'none' would not be honest; use --store h2 or --durability process");
            }
            if (kind == StoreKind.H2_FILE && durability == Durability.POWER) {
                throw new IllegalArgumentException("durability 'power' needs fsync on commit, which H2 cannot do ("
                        + entry.getKey().id() + " is h2-file); use --store postgres or mariadb, or --durability process");
            }
        }
    }

    @Override
    public String toString() {
        return "store=" + describeKinds() + " prefix=" + prefix + " durability=" + durability.id()
                + " dataDir=" + dataDir;
    }

    /** Builder of {@link StoreConfig}; every setting has a default. */
    public static final class Builder {
        private final Map<ServiceName, StoreKind> kinds = new EnumMap<>(ServiceName.class);
        private String prefix = DEFAULT_PREFIX;
        private Path dataDir = DEFAULT_DATA_DIR;
        private Durability durability;
        private ServerEndpoint postgres = ServerEndpoint.POSTGRES_DEFAULT;
        private ServerEndpoint mariadb = ServerEndpoint.MARIADB_DEFAULT;
        private int poolSize = DEFAULT_POOL_SIZE;
        private final Map<ServiceName, Integer> servicePoolSizes = new EnumMap<>(ServiceName.class);

        private Builder() {
            allServices(DEFAULT_KIND);
        }

        public Builder allServices(StoreKind kind) {
            for (ServiceName service : ServiceName.values()) {
                kinds.put(service, Objects.requireNonNull(kind, "kind"));
            }
            return this;
        }

        public Builder service(ServiceName service, StoreKind kind) {
            kinds.put(service, Objects.requireNonNull(kind, "kind"));
            return this;
        }

        /**
         * Parses a store specification: one kind for all services ({@code postgres}) or a mix
         * ({@code orders=postgres,depot=mariadb}; services not named keep the default, h2-file).
         */
        public Builder stores(String spec) {
            if (!spec.contains("=")) {
                return allServices(StoreKind.parse(spec));
            }
            for (String part : spec.split(",")) {
                String[] pair = part.split("=", 2);
                if (pair.length != 2) {
                    throw new IllegalArgumentException("invalid store mix '" + spec
                            + "'; expected service=kind pairs such as orders=postgres,depot=mariadb");
                }
                service(ServiceName.parse(pair[0]), StoreKind.parse(pair[1]));
            }
            return this;
        }

        public Builder prefix(String prefix) {
            this.prefix = Objects.requireNonNull(prefix, "prefix");
            return this;
        }

        public Builder dataDir(Path dataDir) {
            this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
            return this;
        }

        /** The durability profile; null (the default) means none for all-in-memory H2, else process. */
        public Builder durability(Durability durability) {
            this.durability = durability;
            return this;
        }

        public Builder postgres(ServerEndpoint postgres) {
            this.postgres = Objects.requireNonNull(postgres, "postgres");
            return this;
        }

        public Builder mariadb(ServerEndpoint mariadb) {
            this.mariadb = Objects.requireNonNull(mariadb, "mariadb");
            return this;
        }

        public Builder poolSize(int poolSize) {
            this.poolSize = poolSize;
            return this;
        }

        /** The pool size of one service's database (in a shared database, that of the first service). */
        public Builder poolSize(ServiceName service, int size) {
            servicePoolSizes.put(Objects.requireNonNull(service, "service"), size);
            return this;
        }

        public StoreConfig build() {
            return new StoreConfig(this);
        }
    }
}
