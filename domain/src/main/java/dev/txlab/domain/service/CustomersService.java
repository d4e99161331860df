package dev.txlab.domain.service;

import dev.txlab.domain.model.RejectionReason;
import dev.txlab.domain.model.StepResult;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;

/** The customers service: authorizes a customer for an order (exists and enabled), recorded per order. */
public final class CustomersService {
    private final Clock clock;
    private final Ids ids;

    public CustomersService(Clock clock, Ids ids) {
        this.clock = clock;
        this.ids = ids;
    }

    /**
     * Authorizes the customer for the order. The customer row is locked first, so two concurrent
     * calls for one order cannot both record an authorization.
     */
    public StepResult authorize(Connection connection, String orderId, String customerId) throws SQLException {
        try (PreparedStatement statement = Sql.prepare(connection,
                "SELECT enabled FROM customers WHERE customer_id = ? FOR UPDATE", customerId);
             ResultSet rows = statement.executeQuery()) {
            if (!rows.next()) {
                return StepResult.refused(RejectionReason.UNKNOWN_CUSTOMER);
            }
            if (!rows.getBoolean(1)) {
                return StepResult.refused(RejectionReason.CUSTOMER_DISABLED);
            }
        }
        if (Sql.queryString(connection,
                "SELECT authorization_id FROM authorizations WHERE order_id = ?", orderId) == null) {
            Sql.update(connection,
                    "INSERT INTO authorizations (authorization_id, order_id, customer_id, authorized_at_ms)"
                            + " VALUES (?, ?, ?, ?)",
                    ids.next(), orderId, customerId, clock.millis());
        }
        return StepResult.done();
    }
}
