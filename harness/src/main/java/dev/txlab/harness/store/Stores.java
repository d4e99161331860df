package dev.txlab.harness.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.txlab.domain.service.ServiceName;
import dev.txlab.harness.store.internal.DatabaseAdmin;
import dev.txlab.harness.store.internal.H2Housekeeping;
import dev.txlab.harness.store.internal.H2RollbackGuard;
import dev.txlab.harness.store.internal.Migrations;
import dev.txlab.harness.store.internal.XaDataSources;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import javax.sql.XADataSource;

/**
 * The open databases of a run: created when missing, migrated, pooled (HikariCP), every connection
 * decorated. One pool per physical database; in the single-database topology all services share it.
 */
public final class Stores implements AutoCloseable {
    private final StoreConfig config;
    private final Topology topology;
    private final JdbcDecorator decorator;
    private final Map<String, HikariDataSource> pools = new LinkedHashMap<>();
    private final List<H2Housekeeping> housekeeping = new ArrayList<>();
    private final Map<ServiceName, DataSource> dataSources = new EnumMap<>(ServiceName.class);

    private Stores(StoreConfig config, Topology topology, JdbcDecorator decorator) {
        this.config = config;
        this.topology = topology;
        this.decorator = withH2RollbackGuard(config, topology, decorator);
    }

    /** Adds the {@link H2RollbackGuard} for the services kept in H2 files, if any. */
    private static JdbcDecorator withH2RollbackGuard(StoreConfig config, Topology topology, JdbcDecorator decorator) {
        Map<ServiceName, String> h2Files = new EnumMap<>(ServiceName.class);
        for (ServiceName service : ServiceName.values()) {
            DatabaseLocation location = config.location(service, topology);
            if (location.kind() == StoreKind.H2_FILE) {
                h2Files.put(service, location.name());
            }
        }
        return h2Files.isEmpty() ? decorator : decorator.with(new H2RollbackGuard(h2Files));
    }

    /** Opens (creating and migrating where needed) the databases of the configuration. */
    public static Stores open(StoreConfig config, Topology topology, JdbcDecorator decorator) {
        Stores stores = new Stores(config, topology, decorator);
        try {
            stores.openAll();
            return stores;
        } catch (RuntimeException e) {
            stores.close();
            throw e;
        }
    }

    /** Drops and recreates every service's database of this prefix: the start of a fresh run. */
    public static void reset(StoreConfig config) {
        DatabaseAdmin admin = new DatabaseAdmin(config);
        for (ServiceName service : ServiceName.values()) {
            DatabaseLocation location = config.location(service);
            admin.ensureExists(location);
            admin.drop(location);
            admin.ensureExists(location);
        }
    }

    private void openAll() {
        DatabaseAdmin admin = new DatabaseAdmin(config);
        for (ServiceName service : ServiceName.values()) {
            DatabaseLocation location = location(service);
            HikariDataSource pool = pools.get(location.name());
            if (pool == null) {
                admin.ensureExists(location);
                pool = pool(location, config.poolSize(service));
                pools.put(location.name(), pool);
                if (location.kind() == StoreKind.H2_FILE) {
                    housekeeping.add(H2Housekeeping.start(location.name(), pool));
                }
                Migrations.migrateShared(pool);
            }
            Migrations.migrate(pool, service);
            dataSources.put(service, decorator.decorate(service, pool, location.kind()));
        }
    }

    /** Connections a pool keeps open while idle; the rest are opened when needed, up to the pool size. */
    private static final int MIN_IDLE_CONNECTIONS = 2;

    private HikariDataSource pool(DatabaseLocation location, int size) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("txlab-" + location.name());
        hikari.setJdbcUrl(location.jdbcUrl());
        hikari.setUsername(location.user());
        hikari.setPassword(location.password());
        hikari.setAutoCommit(false);
        hikari.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        hikari.setMaximumPoolSize(size);
        // connections on demand: an XA run barely uses these pools, and a server's connection limit is shared
        hikari.setMinimumIdle(Math.min(MIN_IDLE_CONNECTIONS, size));
        try {
            return new HikariDataSource(hikari);
        } catch (RuntimeException e) {
            throw new StoreUnavailableException("cannot open " + location.describe() + ": " + rootMessage(e), e);
        }
    }

    public StoreConfig config() {
        return config;
    }

    public Topology topology() {
        return topology;
    }

    public DatabaseLocation location(ServiceName service) {
        return config.location(service, topology);
    }

    /** The pooled, decorated DataSource of a service (auto-commit off, read committed). */
    public DataSource dataSource(ServiceName service) {
        return dataSources.get(service);
    }

    /** A decorated XADataSource for the same database as {@link #dataSource}; not pooled. */
    public XADataSource xaDataSource(ServiceName service) {
        DatabaseLocation location = location(service);
        try {
            return decorator.decorate(service, XaDataSources.of(location), location.kind());
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot create an XA data source for " + location.describe(), e);
        }
    }

    /** Product name and version of the service's database, for the environment fingerprint. */
    public String serverVersion(ServiceName service) {
        try (Connection connection = dataSource(service).getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
        } catch (SQLException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        housekeeping.forEach(H2Housekeeping::close);
        housekeeping.clear();
        pools.values().forEach(HikariDataSource::close);
        pools.clear();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
