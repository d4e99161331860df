package dev.txlab.harness.run;

import dev.txlab.domain.model.OrdersModel;
import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.harness.placement.TmIdentity;
import dev.txlab.harness.store.Durability;
import dev.txlab.harness.store.Topology;
import dev.txlab.harness.workload.WorkloadSpec;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What a run is, written in the orders database before the first order: its id (which its ledger's
 * first line names too), the implementation, its
 * topology, the workload (so the audit can regenerate the initial stock and money), durability,
 * the I5 termination bound and, for the XA runs, the transaction manager's node identity. The
 * initial stock and money totals are stored beside the workload, for a reader of the database.
 * When the run ends it seals its ledger into the record (how many ids, their SHA-256); a run that
 * was killed has no seal. The orders model says how its orders service keeps an order, the accounts
 * model and snapshot interval how its payments service keeps accounts, so that a recovery resumes them
 * alike.
 */
public record RunRecord(String runId, ImplementationId implementation, Topology topology, WorkloadSpec workload,
                        Durability durability, Duration terminationBound, Optional<TmIdentity> tm,
                        boolean setupComplete, Instant startedAt, Optional<Ledger.Seal> ledgerSeal,
                        OrdersModel ordersModel, AccountsSetting accounts) {
}
