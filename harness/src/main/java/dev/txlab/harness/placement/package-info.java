/**
 * The contract every implementation satisfies ({@link dev.txlab.harness.placement.OrderPlacement}):
 * submit an order, get an acknowledgement at once and a completion with the final outcome. The
 * {@code spi} sub-package is how implementations make themselves known (ServiceLoader).
 */
package dev.txlab.harness.placement;
