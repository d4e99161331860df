package dev.txlab.domain.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The few JDBC idioms the services share; every statement is a prepared statement. */
final class Sql {
    private Sql() {
    }

    static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        }
    }

    static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    /** First column of the first row as a string, or null when there is no row. */
    static String queryString(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters);
             ResultSet rows = statement.executeQuery()) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    /** A unique-key violation on H2 and PostgreSQL (23505) or MariaDB (1062), anywhere in the chain. */
    static boolean isDuplicateKey(SQLException failure) {
        for (SQLException e = failure; e != null; e = e.getNextException()) {
            if ("23505".equals(e.getSQLState()) || e.getErrorCode() == 1062) {
                return true;
            }
            if (e.getCause() instanceof SQLException cause && isDuplicateKey(cause)) {
                return true;
            }
        }
        return false;
    }
}
