package dev.txlab.domain.model;

/**
 * Why an order was rejected. Every reason but {@link #CONCURRENCY} is a business refusal that
 * depends on the order and the data; {@code CONCURRENCY} is a deadlock or lock timeout that
 * persisted after bounded retries and is counted apart.
 */
public enum RejectionReason {
    UNKNOWN_CUSTOMER,
    CUSTOMER_DISABLED,
    UNKNOWN_PRODUCT,
    OUT_OF_STOCK,
    NO_ACCOUNT,
    INSUFFICIENT_FUNDS,
    CONCURRENCY;

    public boolean isBusinessRefusal() {
        return this != CONCURRENCY;
    }
}
