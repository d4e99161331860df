package dev.txlab.domain.model;

import java.util.Objects;

/** One line of an order: a product, a quantity and the unit price at which it was ordered. */
public record OrderLine(String sku, long quantity, long unitPriceCents) {
    public OrderLine {
        Objects.requireNonNull(sku, "sku");
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive, was " + quantity);
        }
        if (unitPriceCents < 0) {
            throw new IllegalArgumentException("unit price must not be negative, was " + unitPriceCents);
        }
    }

    public long amountCents() {
        return Math.multiplyExact(quantity, unitPriceCents);
    }
}
