package dev.txlab.scenarios;

import dev.txlab.harness.audit.AuditReport;
import dev.txlab.harness.audit.Invariant;
import dev.txlab.harness.fault.CrashPoint;
import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.harness.run.RunAudit;
import dev.txlab.harness.store.StoreConfig;

import java.util.Locale;
import java.util.Set;

/**
 * A real crash: a child JVM runs the implementation and halts (no shutdown hooks) at the N-th hit of
 * a named protocol point; this JVM then recovers it as a fresh process would (TM recovery, saga
 * resumption, relay restart) and audits. Passes when the halt is proven (exit code and announced
 * point), recovery leaves nothing behind, the invariants hold, and the scenario's own check agrees.
 */
public record CrashScenario(String id, String description, Set<ImplementationId> appliesTo, CrashPoint point,
                            int hit, int orders, int callers, long seed, OrderCheck check) implements Scenario {

    /** The TMs' presumed-abort timeout in the catalog: short, so recovery takes seconds. */
    static final int PRESUMED_ABORT_SECONDS = 2;

    public CrashScenario {
        appliesTo = Set.copyOf(appliesTo);
    }

    @Override
    public String mustHold() {
        return "I0-I6 after recovery; the halt fired at " + point + " (hit " + hit + ")";
    }

    @Override
    public FaultMatrix.Cell run(ScenarioContext context, ImplementationId implementation) throws Exception {
        StoreConfig store = context.storeFor(id, implementation);
        ChildHalt.Halted halt = new ChildHalt(point, hit, orders, callers, seed).run(context, implementation, store);
        if (halt.notFired().isPresent()) {
            return FaultMatrix.Cell.fail(halt.notFired().get()).withBatches(halt.counted());
        }
        AuditReport before = RunAudit.audit(store, context.clock()).report();
        long inFlight = before.violationsOf(Invariant.I3_NO_LEFTOVERS).size();

        AfterRecovery after = AfterRecovery.of(context, implementation, store);
        String evidence = String.format(Locale.ROOT, "%s; before recovery %d leftovers (PENDING orders, branches "
                + "in doubt, unpublished messages); %d orders acknowledged", halt.describe(), inFlight,
                after.audit().acknowledged());
        return after.consistent(evidence, check, context, implementation, store)
                .withBatches(halt.counted().plus(after.messages()));
    }
}
