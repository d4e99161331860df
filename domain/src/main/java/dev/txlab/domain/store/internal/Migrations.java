package dev.txlab.domain.store.internal;

import dev.txlab.domain.service.ServiceName;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;

/**
 * Applies a service's Flyway migrations ({@code db/migration/<service>}) with a history table of
 * its own, so the four services' schemas can share one database (the local baseline).
 */
public final class Migrations {
    private Migrations() {
    }

    public static void migrate(DataSource dataSource, ServiceName service) {
        Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration/" + service.id())
                .table("flyway_history_" + service.id())
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .failOnMissingLocations(true)
                .load()
                .migrate();
    }
}
