package dev.txlab.harness.store.internal;

import dev.txlab.harness.placement.TmIdentity;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/** Rolls back the XA branches a crashed run of this prefix left prepared, on each kind of database. */
final class PreparedBranches {
    private PreparedBranches() {
    }

    /** H2: every in-doubt transaction of this database (the database is the prefix's own). */
    static void rollBackH2(Connection connection) throws SQLException {
        for (String name : strings(connection, "SELECT TRANSACTION_NAME FROM INFORMATION_SCHEMA.IN_DOUBT")) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("ROLLBACK TRANSACTION \"" + name.replace("\"", "\"\"") + "\"");
            }
        }
    }

    /** PostgreSQL: every prepared transaction of this database (the database is the prefix's own). */
    static void rollBackPostgres(Connection database) throws SQLException {
        database.setAutoCommit(true);
        for (String gid : strings(database,
                "SELECT gid FROM pg_prepared_xacts WHERE database = current_database()")) {
            try (Statement rollback = database.createStatement()) { // takes a literal, not a bind parameter
                rollback.execute("ROLLBACK PREPARED '" + gid.replace("'", "''") + "'");
            }
        }
    }

    /** MariaDB keeps prepared branches server-wide: only those whose global id carries this prefix's TM node. */
    static void rollBackMariaDb(Connection server, String node) throws SQLException {
        List<String> statements = new ArrayList<>();
        try (Statement statement = server.createStatement();
             ResultSet rows = statement.executeQuery("XA RECOVER")) {
            while (rows.next()) {
                int format = rows.getInt("formatID");
                int gtridLength = rows.getInt("gtrid_length");
                byte[] data = rows.getBytes("data");
                byte[] gtrid = Arrays.copyOfRange(data, 0, gtridLength);
                byte[] bqual = Arrays.copyOfRange(data, gtridLength, data.length);
                if (TmIdentity.belongsTo(gtrid, node)) {
                    statements.add("XA ROLLBACK X'" + HexFormat.of().formatHex(gtrid) + "', X'"
                            + HexFormat.of().formatHex(bqual) + "', " + format);
                }
            }
        }
        for (String rollback : statements) {
            try (Statement statement = server.createStatement()) {
                statement.execute(rollback);
            }
        }
    }

    private static List<String> strings(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
