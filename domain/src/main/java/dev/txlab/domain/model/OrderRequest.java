package dev.txlab.domain.model;

import java.util.List;
import java.util.Objects;

/** What a client submits: an order id chosen by the client, the customer and the lines. */
public record OrderRequest(String orderId, String customerId, List<OrderLine> lines) {
    public OrderRequest {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("an order needs at least one line: " + orderId);
        }
        if (lines.stream().map(OrderLine::sku).distinct().count() != lines.size()) {
            throw new IllegalArgumentException("an order names each sku once: " + orderId);
        }
        lines = List.copyOf(lines);
    }

    public long totalCents() {
        return lines.stream().mapToLong(OrderLine::amountCents).reduce(0L, Math::addExact);
    }
}
