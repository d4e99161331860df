package dev.txlab.harness.store.spi;

/** One request/response exchange with a database, as the decorator point sees it. */
public enum RoundTrip {
    STATEMENT,
    COMMIT,
    ROLLBACK,
    /**
     * {@code Connection.isValid}: a pool's check of a connection it lends. It reaches the database
     * (PostgreSQL: an empty query, MariaDB: a ping, H2: a read of the isolation level, a network
     * round trip when H2 is networked).
     */
    CONNECTION_CHECK,
    XA_START,
    XA_END,
    XA_PREPARE,
    XA_COMMIT,
    XA_ROLLBACK,
    XA_RECOVER,
    XA_FORGET;

    /** True for the calls of the XA protocol (made on an XA resource, failing with an XAException). */
    public boolean isXa() {
        return ordinal() >= XA_START.ordinal();
    }
}
