package dev.txlab.messaging.outbox;

import dev.txlab.harness.store.internal.Migrations;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database an earlier version left, whose outbox kept every row with a published flag: migrating
 * it keeps the rows that still wait to be published, in their order, and drops the published ones.
 */
class OutboxMigrationTest {

    @Test
    void anOldOutboxKeepsOnlyWhatWaitsToBePublished() throws SQLException {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:outbox_migration;DB_CLOSE_DELAY=-1");
        Flyway.configure(Migrations.class.getClassLoader()).dataSource(dataSource)
                .locations("classpath:db/migration/shared").table("flyway_history_shared")
                .baselineOnMigrate(true).baselineVersion("0").target("1").load().migrate();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO outbox VALUES ('m1', 'd', 'o1', 'b1', 1, TRUE), ('m2', 'd', 'o1', 'b2', 2, FALSE),"
                    + " ('m3', 'd', 'o2', 'b3', 3, TRUE), ('m4', 'd', 'o2', 'b4', 4, FALSE)");
        }

        Migrations.migrateShared(dataSource);

        List<String> left = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT message_id, body FROM outbox ORDER BY seq")) {
            while (rows.next()) {
                left.add(rows.getString(1) + "=" + rows.getString(2));
            }
        }
        assertThat(left).containsExactly("m2=b2", "m4=b4");
    }
}
