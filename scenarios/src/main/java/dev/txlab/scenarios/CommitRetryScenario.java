package dev.txlab.scenarios;

import dev.txlab.domain.model.OrderStatus;
import dev.txlab.domain.service.ServiceName;
import dev.txlab.harness.audit.Invariant;
import dev.txlab.harness.child.ChildRun;
import dev.txlab.harness.fault.FaultPlan;
import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.harness.run.OrderListener;
import dev.txlab.harness.run.Run;
import dev.txlab.harness.run.RunResult;
import dev.txlab.harness.store.StoreConfig;
import dev.txlab.harness.store.StoreKind;
import dev.txlab.harness.store.spi.RoundTrip;
import dev.txlab.harness.workload.WorkloadSpec;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * 2PC: one participant's phase-2 commit fails with a retryable error ({@code XAER_RMFAIL}) while the
 * others commit (the connection is lost with it). The transaction manager must not lose the
 * decision: it retries the commit, at once or from its recovery. Passes when the failure fired (a
 * retry reached the database, or a branch was in doubt after the run), recovery then left nothing in
 * doubt, the audit holds and the order is APPROVED.
 */
public record CommitRetryScenario(String id, String description, Set<ImplementationId> appliesTo,
                                  FaultPlan.CommitFailure failure, WorkloadSpec workload, OrderCheck check)
        implements Scenario {

    /** Why a lost connection cannot be modelled for XA on H2 (this scenario's and the database outage's reason). */
    static final String H2_LOSES_PREPARED_BRANCHES = "H2 rolls back a prepared branch when its session ends (it "
            + "keeps in doubt only what it finds on reopening after a crash), so a lost connection would lose the "
            + "branch whatever the TM does; run it with --store postgres or mariadb";

    public CommitRetryScenario {
        appliesTo = Set.copyOf(appliesTo);
    }

    @Override
    public String mustHold() {
        return "I0-I6 after recovery; the " + failure.service().id() + " branch committed in the end";
    }

    @Override
    public Optional<String> unsupportedOn(ScenarioContext context, ImplementationId implementation) {
        StoreKind store = context.store();
        return store == StoreKind.H2_FILE ? Optional.of(H2_LOSES_PREPARED_BRANCHES) : Optional.empty();
    }

    @Override
    public FaultMatrix.Cell run(ScenarioContext context, ImplementationId implementation) throws Exception {
        StoreConfig store = context.storeFor(id, implementation);
        long commitsSent;
        long approved;
        long inDoubt;
        try (Run run = Run.prepare(context.runOptions(store, implementation)
                .workload(workload)
                .faults(FaultPlan.NONE.withCommitFailure(failure))
                .tm(ChildRun.tmSettings(CrashScenario.PRESUMED_ABORT_SECONDS))
                .build())) {
            RunResult result = run.execute(OrderListener.NONE);
            commitsSent = run.costs().count(RoundTrip.XA_COMMIT);
            approved = result.outcomeCounts().getOrDefault(OrderStatus.APPROVED.name(), 0L);
            inDoubt = run.audit().violationsOf(Invariant.I3_NO_LEFTOVERS).stream()
                    .filter(violation -> violation.subject().startsWith("xa ")).count();
        }
        // the failed commit never reaches the database, so the cost counters do not see it
        long retried = commitsSent - (approved * ServiceName.values().length - 1);
        String evidence = String.format(Locale.ROOT, "phase-2 commit #%d at the %s database failed with "
                        + "XAER_RMFAIL and its connection was lost; %d commits reached the databases for %d approved "
                        + "orders x %d branches (%d retried during the run); %d branches in doubt after the run",
                failure.onCommit(), failure.service().id(), commitsSent, approved, ServiceName.values().length,
                retried, inDoubt);
        if (retried < 1 && inDoubt == 0) {
            return FaultMatrix.Cell.fail("the fault did not fire (no retry, nothing in doubt): " + evidence);
        }
        return AfterRecovery.of(context, implementation, store).consistent(evidence, check, context,
                implementation, store);
    }
}
