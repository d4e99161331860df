package dev.txlab.saga.orch;

import dev.txlab.domain.model.RejectionReason;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The saga log in the orders database: each instance's position, version and data. Every change is
 * made in the caller's transaction (with the reply it handles and the command it sends) and checks
 * the version it read, so two coordinators can never both advance one saga.
 */
final class SagaLog {
    /** One saga instance as stored. */
    record Instance(String sagaId, SagaPosition position, long version, String data) {
    }

    /** Another coordinator advanced the saga since it was read: the caller's transaction must roll back. */
    static final class StaleSagaException extends SQLTransientException {
        private static final long serialVersionUID = 1L;

        StaleSagaException(String sagaId, long version) {
            super("saga " + sagaId + " moved on since version " + version + " was read", "40001");
        }
    }

    void insert(Connection connection, String sagaId, SagaDefinition saga, SagaPosition position, String data,
                long nowMillis) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO saga_instances (saga_id, saga_type,"
                + " current_step, compensating, reason, status, version, saga_data, updated_at_ms)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, sagaId);
            insert.setString(2, saga.name());
            insert.setInt(3, position.step());
            insert.setBoolean(4, position.compensating());
            insert.setString(5, position.reason() == null ? null : position.reason().name());
            insert.setString(6, position.status().name());
            insert.setLong(7, 0);
            insert.setString(8, data);
            insert.setLong(9, nowMillis);
            insert.executeUpdate();
        }
    }

    /** The instance, locked for this transaction. */
    Optional<Instance> find(Connection connection, String sagaId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT saga_id, current_step, compensating,"
                + " reason, status, version, saga_data FROM saga_instances WHERE saga_id = ? FOR UPDATE")) {
            select.setString(1, sagaId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        }
    }

    /** Instances still running whose last change is older than {@code beforeMillis}. */
    List<Instance> runningSince(Connection connection, long beforeMillis) throws SQLException {
        List<Instance> running = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT saga_id, current_step, compensating,"
                + " reason, status, version, saga_data FROM saga_instances WHERE status = ? AND updated_at_ms < ?")) {
            select.setString(1, SagaPosition.Status.RUNNING.name());
            select.setLong(2, beforeMillis);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    running.add(read(rows));
                }
            }
        }
        return running;
    }

    long running(Connection connection) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement(
                "SELECT COUNT(*) FROM saga_instances WHERE status = ?")) {
            count.setString(1, SagaPosition.Status.RUNNING.name());
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Moves the instance to a new position (or only touches it), if nobody changed it since it was read. */
    void update(Connection connection, Instance instance, SagaPosition position, long nowMillis) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE saga_instances SET current_step = ?,"
                + " compensating = ?, reason = ?, status = ?, version = version + 1, updated_at_ms = ?"
                + " WHERE saga_id = ? AND version = ?")) {
            update.setInt(1, position.step());
            update.setBoolean(2, position.compensating());
            update.setString(3, position.reason() == null ? null : position.reason().name());
            update.setString(4, position.status().name());
            update.setLong(5, nowMillis);
            update.setString(6, instance.sagaId());
            update.setLong(7, instance.version());
            if (update.executeUpdate() != 1) {
                throw new StaleSagaException(instance.sagaId(), instance.version());
            }
        }
    }

    private static Instance read(ResultSet rows) throws SQLException {
        String reason = rows.getString(4);
        SagaPosition position = new SagaPosition(rows.getInt(2), rows.getBoolean(3),
                reason == null ? null : RejectionReason.valueOf(reason), SagaPosition.Status.valueOf(rows.getString(5)));
        return new Instance(rows.getString(1), position, rows.getLong(6), rows.getString(7));
    }
}
