package dev.txlab.scenarios.probe;

import dev.txlab.domain.model.OrderStatus;

import java.util.Optional;

/**
 * What one reader saw of one order, read in this order, each in its own database: the order's status
 * (orders), whether a shopping list was ACTIVE (depot), whether a payment was CONFIRMED (payments).
 */
public record Observation(String orderId, Optional<OrderStatus> status, boolean reservation, boolean payment) {
}
