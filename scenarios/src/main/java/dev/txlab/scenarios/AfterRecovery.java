package dev.txlab.scenarios;

import dev.txlab.harness.audit.AuditReport;
import dev.txlab.harness.audit.Violation;
import dev.txlab.harness.child.ChildRun;
import dev.txlab.harness.cost.MessageCounts;
import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.harness.run.RunRecovery;
import dev.txlab.harness.store.StoreConfig;

import java.util.List;
import java.util.Optional;

/**
 * A run's recovery as a fresh process does it (TM recovery, saga resumption, relay restart, with the
 * catalog's short presumed-abort timeout), the audit that follows, the seconds from the start of
 * recovery until that audit finished (the time to consistency), and the messages recovery counted.
 */
record AfterRecovery(List<Violation> left, AuditReport audit, double seconds, MessageCounts messages) {

    static AfterRecovery of(ScenarioContext context, ImplementationId implementation, StoreConfig store)
            throws Exception {
        return of(context, implementation, store, CrashScenario.PRESUMED_ABORT_SECONDS);
    }

    /** Recovery with the TM settings the run had (a TM is configured once per JVM). */
    static AfterRecovery of(ScenarioContext context, ImplementationId implementation, StoreConfig store,
                            int presumedAbortSeconds) throws Exception {
        long start = System.nanoTime();
        RunRecovery.Recovered recovered = RunRecovery.recover(store, ChildRun.tmSettings(presumedAbortSeconds),
                context.transportSettings(), context.clock(), Optional.of(implementation));
        return new AfterRecovery(recovered.left(), recovered.audit(), (System.nanoTime() - start) / 1e9,
                recovered.messages());
    }

    /**
     * The cell of a scenario that expects full consistency: recovery left nothing, the audit holds,
     * and the scenario's own check agrees.
     */
    FaultMatrix.Cell consistent(String evidence, OrderCheck check, ScenarioContext context,
                                ImplementationId implementation, StoreConfig store) throws Exception {
        if (!left.isEmpty()) {
            return FaultMatrix.Cell.fail(evidence + "; recovery left " + left.size() + ": " + left.get(0));
        }
        if (!audit.ok()) {
            return FaultMatrix.Cell.fail(evidence + "; the audit after recovery: " + audit.describe(3));
        }
        Optional<String> disagreement = check.disagreement(store, implementation, context.clock());
        if (disagreement.isPresent()) {
            return FaultMatrix.Cell.fail(evidence + "; " + disagreement.get());
        }
        return FaultMatrix.Cell.pass(evidence + "; audit OK after recovery", seconds);
    }
}
