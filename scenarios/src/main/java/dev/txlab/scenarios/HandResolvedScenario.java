package dev.txlab.scenarios;

import dev.txlab.domain.service.ServiceName;
import dev.txlab.harness.audit.Invariant;
import dev.txlab.harness.audit.Violation;
import dev.txlab.harness.fault.CrashPoint;
import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.harness.placement.TmIdentity;
import dev.txlab.harness.store.JdbcDecorator;
import dev.txlab.harness.store.StoreConfig;
import dev.txlab.harness.store.StoreKind;
import dev.txlab.harness.store.Stores;
import dev.txlab.harness.store.Topology;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.XAConnection;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * Heuristic damage made visible: the TM halts after logging its commit decision, and before its
 * recovery an operator rolls back one participant's prepared branch by hand. Neither TM reports
 * this (both take {@code XAER_NOTA} during recovery as "already completed"), so the order ends
 * APPROVED without that participant's part. The scenario passes when the audit finds exactly that:
 * I1 violations about the halted order and nothing else.
 */
public record HandResolvedScenario(String id, String description, Set<ImplementationId> appliesTo, ChildHalt halt,
                                   ServiceName resolvedByHand, String orderInDoubt) implements Scenario {

    public HandResolvedScenario {
        appliesTo = Set.copyOf(appliesTo);
        if (halt.point() != CrashPoint.XA_AFTER_COMMIT_DECISION) {
            throw new IllegalArgumentException("a branch resolved by hand needs a halt after the commit decision, "
                    + "was " + halt.point());
        }
    }

    @Override
    public String mustHold() {
        return "the audit after recovery finds the I1 violation of order " + orderInDoubt + " (expected), and "
                + "nothing else";
    }

    @Override
    public Optional<String> unsupportedOn(ScenarioContext context, ImplementationId implementation) {
        StoreKind store = context.store();
        return store == StoreKind.MARIADB ? Optional.of("MariaDB's XA RECOVER lists every prepared branch of the "
                + "server without its database, so an operator cannot tell the " + resolvedByHand.id()
                + " branch from the others; run it with --store h2-file or postgres") : Optional.empty();
    }

    @Override
    public FaultMatrix.Cell run(ScenarioContext context, ImplementationId implementation) throws Exception {
        StoreConfig store = context.storeFor(id, implementation);
        ChildHalt.Halted halted = halt.run(context, implementation, store);
        if (halted.notFired().isPresent()) {
            return FaultMatrix.Cell.fail(halted.notFired().get());
        }
        int rolledBack = rollBackByHand(store);
        if (rolledBack == 0) {
            return FaultMatrix.Cell.fail("the fault did not fire: " + halted.describe() + ", but no branch was in "
                    + "doubt in the " + resolvedByHand.id() + " database to roll back by hand");
        }
        AfterRecovery after = AfterRecovery.of(context, implementation, store);
        String evidence = halted.describe() + "; " + rolledBack + " prepared branch of the " + resolvedByHand.id()
                + " database rolled back by hand; recovery committed the rest";
        List<Violation> found = after.audit().violations();
        List<Violation> expected = found.stream().filter(v -> v.invariant() == Invariant.I1_ATOMICITY
                && v.subject().equals(orderInDoubt)).toList();
        if (expected.isEmpty()) {
            return FaultMatrix.Cell.fail(evidence + "; the audit did not find the expected I1 violation of "
                    + orderInDoubt + (found.isEmpty() ? "" : "; it found: " + after.audit().describe(3)));
        }
        if (expected.size() != found.size() || !after.left().isEmpty()) {
            return FaultMatrix.Cell.fail(evidence + "; besides the expected I1 violation the audit found: "
                    + after.audit().describe(4));
        }
        return FaultMatrix.Cell.pass(evidence + "; the audit found the expected heuristic damage: "
                + expected.get(0), after.seconds());
    }

    /** What an operator does behind the TM's back: rolls back this TM node's prepared branches at one database. */
    private int rollBackByHand(StoreConfig store) throws Exception {
        String node = TmIdentity.nodeFor(store.prefix());
        int rolledBack = 0;
        try (Stores stores = Stores.open(store, Topology.DATABASE_PER_SERVICE, JdbcDecorator.of())) {
            XAConnection connection = stores.xaDataSource(resolvedByHand).getXAConnection();
            try {
                XAResource resource = connection.getXAResource();
                for (Xid xid : resource.recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN)) {
                    if (TmIdentity.belongsTo(xid.getGlobalTransactionId(), node)) {
                        resource.rollback(xid);
                        rolledBack++;
                    }
                }
            } finally {
                connection.close();
            }
        }
        return rolledBack;
    }
}
