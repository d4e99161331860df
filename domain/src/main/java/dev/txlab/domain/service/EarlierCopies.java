package dev.txlab.domain.service;

import dev.txlab.domain.model.RejectionReason;
import dev.txlab.domain.model.StepResult;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * What an order's row in a participant's table (a shopping list, a payment) answers another copy of
 * the action that wrote it, e.g. a saga command sent again: done when the row holds the effect, the
 * same refusal when a refused action left it as a marker (its {@code refusal_reason}), no effect
 * ("already compensated") when a compensation left it; empty when the order has no row yet.
 */
final class EarlierCopies {
    private EarlierCopies() {
    }

    /**
     * @param table      the participant's table, with {@code order_id}, {@code status} and {@code refusal_reason}
     * @param doneStatus the status of a row that holds the action's effect
     */
    static Optional<StepResult> answer(Connection connection, String table, String doneStatus, String orderId)
            throws SQLException {
        try (PreparedStatement statement = Sql.prepare(connection,
                "SELECT status, refusal_reason FROM " + table + " WHERE order_id = ?", orderId);
             ResultSet rows = statement.executeQuery()) {
            if (!rows.next()) {
                return Optional.empty();
            }
            if (doneStatus.equals(rows.getString(1))) {
                return Optional.of(StepResult.done());
            }
            String refusal = rows.getString(2);
            return Optional.of(refusal == null ? StepResult.alreadyCompensated()
                    : StepResult.refused(RejectionReason.valueOf(refusal)));
        }
    }
}
