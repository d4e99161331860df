package dev.txlab.harness.store.spi;

import java.util.Objects;

/**
 * A failure a fault plan puts in place of a round trip: the exception the caller gets (of a type the
 * JDBC or XA call declares, e.g. {@code XAException} for an XA call), and whether the connection is
 * lost with it. A lost connection is closed underneath its pool, as a dropped network link would
 * leave it: the database ends the session (a prepared XA branch then waits, in doubt, for recovery).
 */
public record InjectedFailure(Exception exception, boolean connectionLost) {
    public InjectedFailure {
        Objects.requireNonNull(exception, "exception");
    }
}
