package dev.txlab.saga.choreo;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * What a service does when it hears an event: a shared domain operation on its own database's
 * connection, and what follows from it, told to {@code out} (events to emit, an order decided).
 */
@FunctionalInterface
public interface Reaction {
    void react(Connection connection, OrderEvent event, Consequences out) throws SQLException;
}
