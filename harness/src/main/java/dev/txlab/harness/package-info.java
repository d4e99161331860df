/**
 * The testbed around the domain: runs (options, ledger, preflight, prefix lock, audit, recovery),
 * the stores the services run on, the seeded workload, the fault plan and crash points, the
 * simulated network, cost counters, the placement SPI every implementation plugs into, the retry
 * policy, the local baseline (the one-database floor) and the child-JVM harness.
 */
package dev.txlab.harness;
