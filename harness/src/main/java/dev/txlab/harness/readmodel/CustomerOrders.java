package dev.txlab.harness.readmodel;

import java.util.Objects;

/** A row of the per-customer view: the orders the customer placed and the total of those approved. */
public record CustomerOrders(String customerId, long ordersPlaced, long approvedTotalCents) {
    public CustomerOrders {
        Objects.requireNonNull(customerId, "customerId");
    }

    public static CustomerOrders none(String customerId) {
        return new CustomerOrders(customerId, 0, 0);
    }

    public CustomerOrders plus(CustomerOrders other) {
        return new CustomerOrders(customerId, ordersPlaced + other.ordersPlaced,
                approvedTotalCents + other.approvedTotalCents);
    }
}
