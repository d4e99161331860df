package dev.txlab.scenarios;

import dev.txlab.domain.model.AccountsModel;
import dev.txlab.domain.service.ServiceName;
import dev.txlab.harness.audit.AuditReport;
import dev.txlab.harness.cost.MessageCounts;
import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.harness.run.AccountsSetting;
import dev.txlab.harness.run.Run;
import dev.txlab.harness.run.RunResult;
import dev.txlab.harness.workload.WorkloadSpec;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;

/**
 * Corrupted snapshots of event-sourced accounts: a run keeps accounts as streams with a snapshot every
 * few events; once half its orders are handed out, every snapshot written so far is given a payload
 * that does not parse. The next load of each of those accounts must warn and replay the whole stream,
 * never fail. Passes when some load did so (the proof) and the audit, which replays every stream whole,
 * holds.
 */
public record CorruptedSnapshotScenario(String id, String description, Set<ImplementationId> appliesTo,
                                        WorkloadSpec workload, int callers, int snapshotEvery) implements Scenario {
    static final String CORRUPTED = "balance=corrupted";
    private static final long POLL_NANOS = 200_000;

    public CorruptedSnapshotScenario {
        appliesTo = Set.copyOf(appliesTo);
    }

    @Override
    public String mustHold() {
        return "I0-I6; a corrupted snapshot is a warning and a full replay, never an error";
    }

    @Override
    public FaultMatrix.Cell run(ScenarioContext context, ImplementationId implementation) throws Exception {
        try (Run run = Run.prepare(context.runOptions(context.storeFor(id, implementation), implementation)
                .workload(workload)
                .callers(Catalog.callers(callers, implementation))
                .accounts(new AccountsSetting(AccountsModel.EVENT_SOURCED, snapshotEvery))
                .build())) {
            CompletableFuture<RunResult> placing = InBackground.execute(run);
            while (!placing.isDone() && run.feed().handedOut() < workload.orders() / 2) {
                LockSupport.parkNanos(POLL_NANOS); // paces the check of a condition another thread moves
            }
            int corrupted = placing.isDone() ? 0 : corruptSnapshots(run);
            RunResult result = placing.join();
            AuditReport audit = run.audit();
            MessageCounts messages = run.placement().messageCounts().orElse(MessageCounts.NONE);
            return judged(result, audit, corrupted, run).withBatches(messages);
        }
    }

    private static int corruptSnapshots(Run run) throws SQLException {
        try (Connection connection = run.stores().dataSource(ServiceName.PAYMENTS).getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE account_snapshots SET payload = ?")) {
            update.setString(1, CORRUPTED);
            int corrupted = update.executeUpdate();
            connection.commit();
            return corrupted;
        }
    }

    private FaultMatrix.Cell judged(RunResult result, AuditReport audit, int corrupted, Run run) {
        long notUsed = run.accounts().snapshotsNotUsed();
        String evidence = corrupted + " snapshots corrupted with half the orders handed out; " + notUsed
                + " loads warned and replayed the whole stream" + run.accounts().firstWarning()
                .map(w -> " (first: " + w + ")").orElse("") + "; " + result.completed() + " of " + workload.orders()
                + " orders reached an outcome";
        if (!audit.ok()) {
            return FaultMatrix.Cell.fail(evidence + "; the audit: " + audit.describe(3));
        }
        if (result.completed() != workload.orders()) {
            return FaultMatrix.Cell.fail(evidence + "; " + result.unfinished() + " unfinished, "
                    + result.failedSubmits() + " submits failed");
        }
        if (corrupted == 0 || notUsed == 0) {
            return FaultMatrix.Cell.fail("the fault did not fire: " + evidence);
        }
        return FaultMatrix.Cell.pass(evidence + "; audit OK", null);
    }
}
