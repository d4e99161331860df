package dev.txlab.scenarios;

import dev.txlab.domain.audit.AuditReport;
import dev.txlab.domain.audit.Invariant;
import dev.txlab.domain.fault.CrashPoint;
import dev.txlab.domain.placement.ImplementationId;
import dev.txlab.domain.run.RunAudit;
import dev.txlab.domain.run.RunRecovery;
import dev.txlab.domain.store.StoreConfig;
import dev.txlab.testkit.ChildJvm;
import dev.txlab.testkit.ChildRun;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
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
    private static final Duration CHILD_TIMEOUT = Duration.ofMinutes(2);

    public CrashScenario {
        appliesTo = Set.copyOf(appliesTo);
    }

    @Override
    public String mustHold() {
        return "I0-I5 after recovery; the halt fired at " + point + " (hit " + hit + ")";
    }

    @Override
    public FaultMatrix.Cell run(ScenarioContext context, ImplementationId implementation) throws Exception {
        StoreConfig store = context.storeFor(id, implementation);
        ChildJvm.Result child = ChildJvm.run(ChildRun.class, CHILD_TIMEOUT, ChildRun.args(implementation,
                context.store(), context.dataDir(), store.prefix(), orders, callers, seed, point.name() + "@" + hit,
                PRESUMED_ABORT_SECONDS, context.transport()));
        if (!child.crashed() || !child.firedPoint().equals(Optional.of(point.name()))) {
            return FaultMatrix.Cell.fail("the fault did not fire: the child ended with exit code " + child.exitCode()
                    + " announcing " + child.firedPoint().orElse("no crash point") + lastLine(child.stderr()));
        }
        AuditReport before = RunAudit.audit(store, context.clock()).report();
        long inFlight = before.violationsOf(Invariant.I3_NO_LEFTOVERS).size();

        long start = System.nanoTime();
        RunRecovery.Recovered recovered = RunRecovery.recover(store,
                ChildRun.tmSettings(PRESUMED_ABORT_SECONDS), context.transportSettings(), context.clock(),
                Optional.of(implementation));
        AuditReport after = RunAudit.audit(store, context.clock()).report();
        double seconds = (System.nanoTime() - start) / 1e9;

        String evidence = String.format(Locale.ROOT, "halted at %s (hit %d, exit code %d); before recovery %d "
                        + "leftovers (PENDING orders, branches in doubt, unpublished messages); %d orders acknowledged",
                point, hit, child.exitCode(), inFlight, after.acknowledged());
        if (!recovered.left().isEmpty()) {
            return FaultMatrix.Cell.fail(evidence + "; recovery left " + recovered.left().size() + ": "
                    + recovered.left().get(0));
        }
        if (!after.ok()) {
            return FaultMatrix.Cell.fail(evidence + "; the audit after recovery: " + after.describe(3));
        }
        Optional<String> disagreement = check.disagreement(store, implementation, context.clock());
        if (disagreement.isPresent()) {
            return FaultMatrix.Cell.fail(evidence + "; " + disagreement.get());
        }
        return FaultMatrix.Cell.pass(evidence + "; audit OK after recovery", seconds);
    }

    private static String lastLine(String stderr) {
        return stderr.lines().reduce((first, second) -> second).map(line -> "; last stderr line: " + line).orElse("");
    }
}
