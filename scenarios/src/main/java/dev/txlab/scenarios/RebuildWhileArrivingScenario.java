package dev.txlab.scenarios;

import dev.txlab.domain.service.ServiceName;
import dev.txlab.harness.audit.AuditReport;
import dev.txlab.harness.cost.MessageCounts;
import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.harness.readmodel.ReadModelRebuild;
import dev.txlab.harness.run.Run;
import dev.txlab.harness.run.RunResult;
import dev.txlab.harness.workload.WorkloadSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The read models rebuilt from zero, again and again, while orders are still arriving: each rebuild
 * must catch up with the live views under their lock and replace them only once every row matched.
 * Passes when at least one rebuild ended while orders were arriving, every rebuild matched and replaced
 * the views, and the audit (I6 included) holds afterwards.
 */
public record RebuildWhileArrivingScenario(String id, String description, Set<ImplementationId> appliesTo,
                                           WorkloadSpec workload, int callers) implements Scenario {

    public RebuildWhileArrivingScenario {
        appliesTo = Set.copyOf(appliesTo);
    }

    @Override
    public String mustHold() {
        return "I0-I6; each rebuild replaces the views only once it matches them";
    }

    @Override
    public FaultMatrix.Cell run(ScenarioContext context, ImplementationId implementation) throws Exception {
        try (Run run = Run.prepare(context.runOptions(context.storeFor(id, implementation), implementation)
                .workload(workload)
                .callers(Catalog.callers(callers, implementation))
                .build())) {
            CompletableFuture<RunResult> placing = InBackground.execute(run);
            List<ReadModelRebuild.Result> duringArrivals = new ArrayList<>();
            do {
                ReadModelRebuild.Result rebuilt = ReadModelRebuild.rebuild(run.stores().dataSource(ServiceName.ORDERS));
                if (!placing.isDone()) {
                    duringArrivals.add(rebuilt);
                }
            } while (!placing.isDone());
            RunResult result = placing.join();
            AuditReport audit = run.audit();
            MessageCounts messages = run.placement().messageCounts().orElse(MessageCounts.NONE);
            return judged(result, audit, duringArrivals).withBatches(messages);
        }
    }

    private FaultMatrix.Cell judged(RunResult result, AuditReport audit, List<ReadModelRebuild.Result> rebuilds) {
        String evidence = evidence(rebuilds) + "; " + result.completed() + " of " + workload.orders()
                + " orders reached an outcome";
        List<ReadModelRebuild.Result> refused = rebuilds.stream().filter(r -> !r.replaced()).toList();
        if (!refused.isEmpty()) {
            return FaultMatrix.Cell.fail(refused.size() + " rebuilds did not match the live views: "
                    + refused.get(0).differences().get(0) + "; " + evidence);
        }
        if (!audit.ok()) {
            return FaultMatrix.Cell.fail(evidence + "; the audit: " + audit.describe(3));
        }
        if (result.completed() != workload.orders()) {
            return FaultMatrix.Cell.fail(evidence + "; " + result.unfinished() + " unfinished, "
                    + result.failedSubmits() + " submits failed");
        }
        if (rebuilds.isEmpty()) {
            return FaultMatrix.Cell.fail("the fault did not fire: no rebuild ended while orders were arriving; "
                    + evidence);
        }
        return FaultMatrix.Cell.pass(evidence + "; audit OK", null);
    }

    private static String evidence(List<ReadModelRebuild.Result> rebuilds) {
        int caughtUp = rebuilds.stream().mapToInt(ReadModelRebuild.Result::caughtUp).sum();
        double lockedMs = rebuilds.stream().mapToDouble(r -> r.locked().toNanos() / 1e6).max().orElse(0);
        return String.format(Locale.ROOT, "%d rebuilds ended while orders arrived, each replacing the views once they "
                + "matched (%d streams caught up under the lock in all, the lock held at most %.1f ms)",
                rebuilds.size(), caughtUp, lockedMs);
    }
}
