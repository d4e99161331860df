package dev.txlab.scenarios;

import dev.txlab.harness.store.DatabaseLocation;
import dev.txlab.harness.store.StoreKind;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * How this machine restarts a database server, and when a server last started (the proof that a
 * restart happened). The command comes from {@code TXLAB_RESTART_POSTGRES} / {@code
 * TXLAB_RESTART_MARIADB} (words separated by spaces) or, for PostgreSQL on Debian, from {@code
 * pg_lsclusters} (the cluster on port 5432).
 */
final class ServerRestarts {
    private ServerRestarts() {
    }

    /** The command that restarts the store's server here, if one is known. */
    static Optional<List<String>> command(StoreKind store) {
        return switch (store) {
            case POSTGRES -> fromEnvironment("TXLAB_RESTART_POSTGRES").or(ServerRestarts::debianPostgres);
            // no default: Debian's /etc/init.d/mariadb restart cannot stop a server whose root logs in by password
            case MARIADB -> fromEnvironment("TXLAB_RESTART_MARIADB");
            default -> Optional.empty();
        };
    }

    /** When the server holding the database last started. */
    static Instant startedAt(DatabaseLocation location) throws SQLException {
        String sql = location.kind() == StoreKind.POSTGRES
                ? "SELECT EXTRACT(EPOCH FROM pg_postmaster_start_time()) * 1000"
                : "SELECT (UNIX_TIMESTAMP() - VARIABLE_VALUE) * 1000 FROM information_schema.GLOBAL_STATUS "
                + "WHERE VARIABLE_NAME = 'UPTIME'";
        try (Connection connection = DriverManager.getConnection(location.jdbcUrl(), location.user(),
                location.password()); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return Instant.ofEpochMilli(rows.getLong(1));
        }
    }

    private static Optional<List<String>> fromEnvironment(String variable) {
        return Optional.ofNullable(System.getenv(variable)).map(String::trim).filter(command -> !command.isEmpty())
                .map(command -> Arrays.asList(command.split("\\s+")));
    }

    /** {@code pg_ctlcluster --skip-systemctl-redirect <version> <cluster> restart} for the cluster on port 5432. */
    private static Optional<List<String>> debianPostgres() {
        try {
            Process process = new ProcessBuilder("pg_lsclusters", "--no-header").redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return Optional.empty();
            }
            return output.lines().map(line -> line.trim().split("\\s+"))
                    .filter(columns -> columns.length >= 3 && columns[2].equals("5432")).findFirst()
                    .map(columns -> List.of("pg_ctlcluster", "--skip-systemctl-redirect", columns[0], columns[1],
                            "restart"));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
