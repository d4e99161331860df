/**
 * Test support shared by every implementation: the server fixtures (skip locally, fail in CI when
 * {@code TXLAB_REQUIRE_SERVICES=1}), per-test store configurations, the child-JVM crash harness and
 * the {@link dev.txlab.testkit.OrderPlacementContract} that every implementation runs.
 */
package dev.txlab.testkit;
