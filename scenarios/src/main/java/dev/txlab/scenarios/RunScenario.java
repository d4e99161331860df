package dev.txlab.scenarios;

import dev.txlab.harness.audit.AuditReport;
import dev.txlab.harness.cost.MessageCounts;
import dev.txlab.harness.fault.CrashPoint;
import dev.txlab.harness.fault.FaultPlan;
import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.harness.placement.OrderResult;
import dev.txlab.harness.run.OrderListener;
import dev.txlab.harness.run.Run;
import dev.txlab.harness.run.RunResult;
import dev.txlab.harness.workload.WorkloadSpec;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A fault inside a live run, no crash: message faults or a broker outage at the transport's
 * decorator point, or a workload that provokes refusals and contention. Passes when the audit holds
 * and the proof shows the fault really happened (duplicates skipped, redeliveries, an order that
 * waited out half the outage, refusals of every kind, stock sold out).
 */
public record RunScenario(String id, String description, Set<ImplementationId> appliesTo, String mustHold,
                          WorkloadSpec workload, int callers, FaultPlan faults, Proof proof) implements Scenario {

    public RunScenario {
        appliesTo = Set.copyOf(appliesTo);
    }

    /**
     * What a run showed, for a scenario's proof that its fault fired: its result and audit, its
     * messages, its slowest outcome, and the appends that found their version taken.
     */
    public record Observed(RunResult result, AuditReport audit, MessageCounts messages, Duration slowestOutcome,
                           long versionConflicts) {
        public long outcomes(String label) {
            return result.outcomeCounts().getOrDefault(label, 0L);
        }
    }

    /** Proves the fault fired, or says what is missing. */
    public interface Proof {
        /** Empty when the fault demonstrably fired; otherwise what did not happen. */
        Optional<String> missing(Observed observed);

        /** What the run showed, in words, for the cell's evidence. */
        String evidence(Observed observed);

        static Proof of(Function<Observed, Optional<String>> missing, Function<Observed, String> evidence) {
            return new Proof() {
                @Override
                public Optional<String> missing(Observed observed) {
                    return missing.apply(observed);
                }

                @Override
                public String evidence(Observed observed) {
                    return evidence.apply(observed);
                }
            };
        }
    }

    @Override
    public FaultMatrix.Cell run(ScenarioContext context, ImplementationId implementation) throws Exception {
        AtomicLong slowest = new AtomicLong();
        try (Run run = Run.prepare(context.runOptions(context.storeFor(id, implementation), implementation)
                .workload(workload)
                .callers(Catalog.callers(callers, implementation))
                .faults(faults)
                .build())) {
            RunResult result = run.execute(new OrderListener() {
                @Override
                public void completed(OrderResult order, long ackNanos, long outcomeNanos) {
                    slowest.accumulateAndGet(outcomeNanos, Math::max);
                }
            });
            AuditReport audit = run.audit();
            Observed observed = new Observed(result, audit, run.placement().messageCounts().orElse(MessageCounts.NONE),
                    Duration.ofNanos(slowest.get()), run.hits(CrashPoint.EVENT_VERSION_CONFLICT));
            return judged(observed).withBatches(observed.messages());
        }
    }

    private FaultMatrix.Cell judged(Observed observed) {
        RunResult result = observed.result();
        String evidence = proof.evidence(observed) + "; " + result.completed() + " of " + workload.orders()
                + " orders reached an outcome";
        if (!observed.audit().ok()) {
            return FaultMatrix.Cell.fail(evidence + "; the audit: " + observed.audit().describe(3));
        }
        if (result.completed() != workload.orders()) {
            return FaultMatrix.Cell.fail(evidence + "; " + result.unfinished() + " unfinished, "
                    + result.failedSubmits() + " submits failed");
        }
        return proof.missing(observed)
                .map(missing -> FaultMatrix.Cell.fail("the fault did not fire: " + missing + "; " + evidence))
                .orElseGet(() -> FaultMatrix.Cell.pass(evidence + "; audit OK", null));
    }
}
