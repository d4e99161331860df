package dev.txlab.scenarios;

import dev.txlab.harness.child.ChildJvm;
import dev.txlab.harness.child.ChildRun;
import dev.txlab.harness.child.MessageCountsReport;
import dev.txlab.harness.cost.MessageCounts;
import dev.txlab.harness.fault.CrashPoint;
import dev.txlab.harness.fault.CrashPoints;
import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.harness.store.StoreConfig;

import java.time.Duration;
import java.util.Optional;

/**
 * The crash of a crash scenario: a child JVM runs the implementation and halts (no shutdown hooks,
 * exit code {@value CrashPoints#CRASH_EXIT_CODE}) at the N-th hit of a named
 * protocol point. The halt is proven by the child's exit code and the point it announced.
 */
public record ChildHalt(CrashPoint point, int hit, int orders, int callers, long seed) {
    private static final Duration CHILD_TIMEOUT = Duration.ofMinutes(2);

    /**
     * How the child ended: {@code notFired} is empty when it halted at the point, otherwise says what it
     * did instead; {@code announced} is what it said as it halted (the point, the hit, details such as
     * a batch's size); {@code counted} the messages it counted until then.
     */
    record Halted(Optional<String> notFired, String announced, MessageCounts counted) {
        /** The halt in words, for a cell's evidence. */
        String describe() {
            return "halted at " + announced + " (exit code " + CrashPoints.CRASH_EXIT_CODE + ")";
        }
    }

    /** Runs the child until it halts at the point, or ends without. */
    Halted run(ScenarioContext context, ImplementationId implementation, StoreConfig store) throws Exception {
        ChildJvm.Result child = ChildJvm.run(ChildRun.class, CHILD_TIMEOUT, new ChildRun.Request(implementation,
                context.store(), context.dataDir().toString(), store.prefix(), orders, callers, seed,
                point.name() + "@" + hit, CrashScenario.PRESUMED_ABORT_SECONDS, context.transport(),
                context.ordersModel(), context.accounts()));
        MessageCounts counted = MessageCountsReport.last(child.stdout());
        String announced = child.fired().orElse("");
        if (child.crashed() && child.firedPoint().equals(Optional.of(point.name()))) {
            return new Halted(Optional.empty(), announced, counted);
        }
        return new Halted(Optional.of("the fault did not fire: the child ended with exit code " + child.exitCode()
                + " announcing " + child.firedPoint().orElse("no crash point")
                + child.lastStderrLine().map(line -> "; last stderr line: " + line).orElse("")), announced, counted);
    }
}
