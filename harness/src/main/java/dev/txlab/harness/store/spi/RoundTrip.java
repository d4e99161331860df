package dev.txlab.harness.store.spi;

/** One request/response exchange with a database, as the decorator point sees it. */
public enum RoundTrip {
    STATEMENT,
    COMMIT,
    ROLLBACK,
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
