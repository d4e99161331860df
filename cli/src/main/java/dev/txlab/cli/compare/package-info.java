/**
 * The comparison sweep behind {@code txlab compare}: which implementations at which loads
 * ({@link dev.txlab.cli.compare.SweepPlan}), each run's cost, timeline and spread, and the
 * environment it ran in, gathered into the results the report renders.
 */
package dev.txlab.cli.compare;
