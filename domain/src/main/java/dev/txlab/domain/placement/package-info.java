/**
 * The contract every implementation satisfies ({@link dev.txlab.domain.placement.OrderPlacement}):
 * submit an order, get an acknowledgement at once and a completion with the final outcome. The
 * {@code spi} sub-package is how implementations make themselves known (ServiceLoader).
 */
package dev.txlab.domain.placement;
