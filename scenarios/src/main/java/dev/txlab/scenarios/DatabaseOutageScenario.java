package dev.txlab.scenarios;

import dev.txlab.harness.child.ChildRun;
import dev.txlab.harness.cost.MessageCounts;
import dev.txlab.harness.fault.FaultPlan;
import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.harness.placement.OrderResult;
import dev.txlab.harness.run.OrderListener;
import dev.txlab.harness.run.Run;
import dev.txlab.harness.run.RunResult;
import dev.txlab.harness.store.StoreConfig;
import dev.txlab.harness.store.StoreKind;
import dev.txlab.harness.workload.WorkloadSpec;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A participant database unavailable for a while mid-run (the fault plan's
 * {@link FaultPlan.DatabaseOutage}: every round trip to it fails as a lost connection would). Orders
 * that need it during the outage may be refused at submission (never acknowledged) or wait it out;
 * none may be lost or half done. Then recovery runs as after a crash (an XA branch whose commit met
 * the outage is in doubt) and the audit checks everything. Passes when the outage refused round
 * trips (it fired) and the audit holds after recovery.
 */
public record DatabaseOutageScenario(String id, String description, Set<ImplementationId> appliesTo,
                                     FaultPlan.DatabaseOutage outage, WorkloadSpec workload, int callers)
        implements Scenario {

    public DatabaseOutageScenario {
        appliesTo = Set.copyOf(appliesTo);
    }

    @Override
    public String mustHold() {
        return "I0-I6 after recovery; an order refused during the outage is not acknowledged";
    }

    @Override
    public Optional<String> unsupportedOn(ScenarioContext context, ImplementationId implementation) {
        StoreKind store = context.store();
        return store == StoreKind.H2_FILE && Catalog.XA.contains(implementation)
                ? Optional.of(CommitRetryScenario.H2_LOSES_PREPARED_BRANCHES) : Optional.empty();
    }

    @Override
    public FaultMatrix.Cell run(ScenarioContext context, ImplementationId implementation) throws Exception {
        StoreConfig store = context.storeFor(id, implementation);
        AtomicLong slowestNanos = new AtomicLong();
        RunResult result;
        long refused;
        MessageCounts counted;
        try (Run run = Run.prepare(context.runOptions(store, implementation)
                .workload(workload)
                .callers(Catalog.callers(callers, implementation))
                .faults(FaultPlan.NONE.withDatabaseOutage(outage))
                .tm(ChildRun.tmSettings(CrashScenario.PRESUMED_ABORT_SECONDS))
                .build())) {
            result = run.execute(new OrderListener() {
                @Override
                public void completed(OrderResult order, long ackNanos, long outcomeNanos) {
                    slowestNanos.accumulateAndGet(outcomeNanos, Math::max);
                }
            });
            refused = run.refusedByDatabaseOutage();
            counted = run.placement().messageCounts().orElse(MessageCounts.NONE);
        }
        String evidence = String.format(Locale.ROOT, "the %s database was down for %d ms: %d round trips refused, "
                        + "%d submits refused (not acknowledged), %d of %d orders reached an outcome (slowest %d ms)",
                outage.service().id(), outage.length().toMillis(), refused, result.failedSubmits(),
                result.completed(), workload.orders(), slowestNanos.get() / 1_000_000);
        if (refused == 0) {
            return FaultMatrix.Cell.fail("the fault did not fire: no round trip met the outage; " + evidence);
        }
        AfterRecovery after = AfterRecovery.of(context, implementation, store);
        return after.consistent(evidence, OrderCheck.NONE, context, implementation, store)
                .withBatches(counted.plus(after.messages()));
    }
}
