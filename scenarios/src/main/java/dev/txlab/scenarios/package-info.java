/**
 * Failure-injection scenarios: the fault catalog ({@link dev.txlab.scenarios.Catalog}), each scenario
 * run against every implementation it applies to by the {@link dev.txlab.scenarios.ScenarioRunner}
 * (crashes in a child JVM that halts at a named protocol point, then recovery in a fresh JVM and the
 * audit), and the result matrix ({@link dev.txlab.scenarios.FaultMatrix}, written as {@code faults.json}).
 */
package dev.txlab.scenarios;
