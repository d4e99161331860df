package dev.txlab.harness.store.internal;

import dev.txlab.domain.service.ServiceName;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;

/**
 * Applies a service's Flyway migrations ({@code db/migration/<service>}) with a history table of
 * its own, so the four services' schemas can share one database (the local baseline), and once per
 * database the migrations other modules put in {@code db/migration/shared} (the messaging outbox
 * and inbox), when they are on the classpath.
 */
public final class Migrations {
    private Migrations() {
    }

    public static void migrate(DataSource dataSource, ServiceName service) {
        migrate(dataSource, service.id());
    }

    /** The shared migrations of one database (none when no module on the classpath has any). */
    public static void migrateShared(DataSource dataSource) {
        if (Migrations.class.getClassLoader().getResource("db/migration/shared") != null) {
            migrate(dataSource, "shared");
        }
    }

    private static void migrate(DataSource dataSource, String location) {
        Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration/" + location)
                .table("flyway_history_" + location)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .failOnMissingLocations(true)
                .load()
                .migrate();
    }
}
