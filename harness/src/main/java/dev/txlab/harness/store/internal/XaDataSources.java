package dev.txlab.harness.store.internal;

import dev.txlab.harness.store.DatabaseLocation;
import org.h2.jdbcx.JdbcDataSource;
import org.mariadb.jdbc.MariaDbDataSource;
import org.postgresql.xa.PGXADataSource;

import java.sql.SQLException;
import javax.sql.XADataSource;

/** The vendor XADataSource of a database location (undecorated; Stores decorates it). */
public final class XaDataSources {
    private XaDataSources() {
    }

    public static XADataSource of(DatabaseLocation location) throws SQLException {
        return switch (location.kind()) {
            case H2_MEM, H2_FILE -> {
                JdbcDataSource h2 = new JdbcDataSource();
                h2.setURL(location.jdbcUrl());
                h2.setUser(location.user());
                h2.setPassword(location.password());
                yield h2;
            }
            case POSTGRES -> {
                PGXADataSource postgres = new PGXADataSource();
                postgres.setUrl(location.jdbcUrl());
                postgres.setUser(location.user());
                postgres.setPassword(location.password());
                yield postgres;
            }
            case MARIADB -> {
                MariaDbDataSource mariadb = new MariaDbDataSource(location.jdbcUrl());
                mariadb.setUser(location.user());
                mariadb.setPassword(location.password());
                yield mariadb;
            }
        };
    }
}
