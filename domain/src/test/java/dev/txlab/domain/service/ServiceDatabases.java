package dev.txlab.domain.service;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

/**
 * The four services' databases for the domain's own tests: one fresh in-memory H2 database per
 * service, migrated with that service's Flyway migrations, as the harness's stores would be.
 */
final class ServiceDatabases {
    private final Map<ServiceName, DataSource> dataSources = new EnumMap<>(ServiceName.class);

    ServiceDatabases() {
        String run = UUID.randomUUID().toString().replace("-", "");
        for (ServiceName service : ServiceName.values()) {
            JdbcDataSource dataSource = new JdbcDataSource();
            dataSource.setURL("jdbc:h2:mem:domain_" + service.id() + "_" + run + ";DB_CLOSE_DELAY=-1");
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/" + service.id())
                    .failOnMissingLocations(true).load().migrate();
            dataSources.put(service, dataSource);
        }
    }

    Connection connect(ServiceName service) throws SQLException {
        return dataSources.get(service).getConnection();
    }

    /** Runs one statement per row of values on the service's database, committed. */
    void insert(ServiceName service, String sql, Object[]... rows) throws SQLException {
        try (Connection c = connect(service); PreparedStatement insert = c.prepareStatement(sql)) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    insert.setObject(i + 1, row[i]);
                }
                insert.executeUpdate();
            }
        }
    }

    /** Drops every database (in-memory H2 keeps them until told). */
    void drop() throws SQLException {
        for (ServiceName service : ServiceName.values()) {
            try (Connection c = connect(service)) {
                c.createStatement().execute("SHUTDOWN");
            }
        }
    }
}
