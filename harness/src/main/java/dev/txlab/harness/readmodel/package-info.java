/**
 * The read models of the event-sourced orders model (the seeds' "just enough CQRS"): an order
 * summary and a per-customer view, projected asynchronously from the orders streams by
 * {@link dev.txlab.harness.readmodel.ReadModelProjector} (a flag per event as its checkpoint), their
 * lag measured from each append's commit ({@link dev.txlab.harness.readmodel.CommitStamps}), checked
 * by the audit (invariant I6, {@link dev.txlab.harness.readmodel.ReadModelCheck}) and rebuilt from
 * zero into shadow tables ({@link dev.txlab.harness.readmodel.ReadModelRebuild}).
 */
package dev.txlab.harness.readmodel;
