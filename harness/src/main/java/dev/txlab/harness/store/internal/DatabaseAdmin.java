package dev.txlab.harness.store.internal;

import dev.txlab.harness.placement.TmIdentity;
import dev.txlab.harness.store.DatabaseLocation;
import dev.txlab.harness.store.ServerEndpoint;
import dev.txlab.harness.store.StoreConfig;
import dev.txlab.harness.store.StoreUnavailableException;
import org.h2.tools.DeleteDbFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/** Creates and drops the databases of a prefix, on every kind of store. */
public final class DatabaseAdmin {
    private final StoreConfig config;

    public DatabaseAdmin(StoreConfig config) {
        this.config = config;
    }

    /** Creates the database when it is missing; a no-op when it exists. */
    public void ensureExists(DatabaseLocation location) {
        switch (location.kind()) {
            case H2_MEM -> { }
            case H2_FILE -> createRunDir();
            case POSTGRES -> onServer(location, admin -> {
                try (PreparedStatement exists = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                    exists.setString(1, location.name());
                    if (!exists.executeQuery().next()) {
                        execute(admin, "CREATE DATABASE " + location.name());
                    }
                }
            });
            case MARIADB -> onServer(location, admin -> execute(admin, "CREATE DATABASE IF NOT EXISTS " + location.name()));
        }
    }

    /**
     * Drops the database: its files (H2 files, with any branch left in doubt in them), every object
     * (H2 in memory), or the database itself (servers), after rolling back the XA branches of this
     * prefix left prepared in it (a database with prepared branches cannot be dropped; MariaDB keeps
     * them server-wide). Nobody else's branches are touched.
     */
    public void drop(DatabaseLocation location) {
        switch (location.kind()) {
            case H2_FILE -> DeleteDbFiles.execute(config.runDir().toString(), location.name(), true);
            case H2_MEM -> {
                try (Connection connection = DriverManager.getConnection(location.jdbcUrl(), location.user(),
                        location.password())) {
                    PreparedBranches.rollBackH2(connection);
                    execute(connection, "DROP ALL OBJECTS");
                } catch (SQLException e) {
                    throw new StoreUnavailableException("cannot reset " + location.describe() + ": " + e.getMessage(), e);
                }
            }
            case POSTGRES -> {
                try (Connection database = DriverManager.getConnection(location.jdbcUrl(), location.user(),
                        location.password())) {
                    PreparedBranches.rollBackPostgres(database);
                } catch (SQLException e) {
                    if (!"3D000".equals(e.getSQLState())) {
                        throw new StoreUnavailableException("cannot reset " + location.describe() + ": "
                                + e.getMessage(), e);
                    }
                }
                onServer(location, admin -> execute(admin, "DROP DATABASE IF EXISTS " + location.name() + " WITH (FORCE)"));
            }
            case MARIADB -> onServer(location, admin -> {
                PreparedBranches.rollBackMariaDb(admin, TmIdentity.nodeFor(config.prefix()));
                execute(admin, "DROP DATABASE IF EXISTS " + location.name());
            });
        }
    }

    /** Opens a connection to the server's administrative database, or fails naming the server. */
    public Connection connectToServer(DatabaseLocation location) {
        ServerEndpoint endpoint = config.endpoint(location.kind());
        String url = switch (location.kind()) {
            case POSTGRES -> endpoint.urlOf("postgres");
            default -> endpoint.baseUrl();
        };
        try {
            return DriverManager.getConnection(url, endpoint.user(), endpoint.password());
        } catch (SQLException e) {
            String flag = "--" + location.kind().id();
            if (loginRefused(e)) {
                throw new StoreUnavailableException(location.kind().id() + " at " + endpoint.baseUrl()
                        + " refused the login of user '" + endpoint.user() + "': " + firstLine(e) + " (pass the right "
                        + flag + "-user and " + flag + "-password, or set TXLAB_"
                        + location.kind().id().toUpperCase(java.util.Locale.ROOT) + "_PASSWORD)", e);
            }
            throw new StoreUnavailableException("cannot reach " + location.kind().id() + " at " + endpoint.baseUrl()
                    + " as user '" + endpoint.user() + "': " + firstLine(e)
                    + " (start the server, or point " + flag + "-url at one)", e);
        }
    }

    /** SQLState class 28, invalid authorization (PostgreSQL: no such role, wrong password; MariaDB: access denied). */
    private static boolean loginRefused(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("28");
    }

    private static String firstLine(SQLException e) {
        return e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("").strip();
    }

    private void onServer(DatabaseLocation location, AdminWork work) {
        try (Connection admin = connectToServer(location)) {
            work.run(admin);
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot prepare database " + location.name() + " on "
                    + location.kind().id() + ": " + e.getMessage(), e);
        }
    }

    private void createRunDir() {
        try {
            Files.createDirectories(config.runDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + config.runDir(), e);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @FunctionalInterface
    private interface AdminWork {
        void run(Connection admin) throws SQLException;
    }
}
