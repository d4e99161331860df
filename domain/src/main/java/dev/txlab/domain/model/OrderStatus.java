package dev.txlab.domain.model;

/** The life of an order in the orders service. */
public enum OrderStatus {
    PENDING,
    APPROVED,
    REJECTED;

    public boolean isTerminal() {
        return this != PENDING;
    }
}
