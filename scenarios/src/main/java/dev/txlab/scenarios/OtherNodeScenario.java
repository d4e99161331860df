package dev.txlab.scenarios;

import dev.txlab.harness.audit.Invariant;
import dev.txlab.harness.audit.Violation;
import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.harness.placement.TmIdentity;
import dev.txlab.harness.run.RunAudit;
import dev.txlab.harness.store.StoreConfig;
import dev.txlab.harness.store.StoreKind;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Two TM nodes on one database server, both halted with branches in doubt. The second node's
 * recovery scans the server (and on MariaDB sees every prepared branch of it) for as long as its
 * presumed abort takes; it must resolve its own branches and leave the first node's exactly as they
 * were. Then the first node's recovery resolves those. Passes when both halts fired, the first
 * node's branches were untouched by the second's recovery, and both end consistent.
 */
public record OtherNodeScenario(String id, String description, Set<ImplementationId> appliesTo, ChildHalt halt,
                                OrderCheck check) implements Scenario {

    public OtherNodeScenario {
        appliesTo = Set.copyOf(appliesTo);
    }

    @Override
    public String mustHold() {
        return "a recovering TM node leaves another node's in-doubt branches alone; I0-I6 after both recover";
    }

    @Override
    public Optional<String> unsupportedOn(ScenarioContext context, ImplementationId implementation) {
        StoreKind store = context.store();
        return store == StoreKind.MARIADB ? Optional.empty() : Optional.of("on " + store.id() + " every run "
                + "prefix has databases of its own and XA recover lists only the current database's branches, so "
                + "no node ever sees another's; run it with --store mariadb (XA RECOVER lists the whole server)");
    }

    @Override
    public FaultMatrix.Cell run(ScenarioContext context, ImplementationId implementation) throws Exception {
        StoreConfig first = context.storeFor(id, implementation);
        StoreConfig second = context.storeFor(first.prefix() + "_2");
        String halted = "";
        for (StoreConfig node : new StoreConfig[] {first, second}) {
            ChildHalt.Halted nodeHalted = halt.run(context, implementation, node);
            if (nodeHalted.notFired().isPresent()) {
                return FaultMatrix.Cell.fail(nodeHalted.notFired().get() + " (node "
                        + TmIdentity.nodeFor(node.prefix()) + ")");
            }
            halted = nodeHalted.describe();
        }
        Set<String> before = inDoubt(first, context);
        if (before.isEmpty()) {
            return FaultMatrix.Cell.fail("the fault did not fire: " + halted + ", yet no branch of node "
                    + TmIdentity.nodeFor(first.prefix()) + " was in doubt");
        }
        RecoveryMain.Outcome otherRecovered = RecoveryMain.recoverInChild(context, implementation, second.prefix());
        Set<String> untouched = inDoubt(first, context);
        String evidence = String.format(Locale.ROOT, "both nodes %s; node %s's recovery (a JVM of its own) ran "
                        + "%.1f s while %d branches of node %s were in doubt on the same server", halted,
                TmIdentity.nodeFor(second.prefix()), otherRecovered.seconds(), before.size(),
                TmIdentity.nodeFor(first.prefix()));
        if (!untouched.equals(before)) {
            return FaultMatrix.Cell.fail(evidence + "; it resolved branches not its own: " + before.size()
                    + " in doubt before, " + untouched.size() + " after");
        }
        if (otherRecovered.problem().isPresent()) {
            return FaultMatrix.Cell.fail(evidence + "; node " + TmIdentity.nodeFor(second.prefix()) + ": "
                    + otherRecovered.problem().get());
        }
        return AfterRecovery.of(context, implementation, first).consistent(evidence + " and left them all; "
                + "then node " + TmIdentity.nodeFor(first.prefix()) + " recovered its own", check, context,
                implementation, first);
    }

    /** The branches of the run's TM node in doubt, as the audit finds them. */
    private static Set<String> inDoubt(StoreConfig store, ScenarioContext context) throws Exception {
        return RunAudit.audit(store, context.clock()).report().violationsOf(Invariant.I3_NO_LEFTOVERS).stream()
                .map(Violation::subject).filter(subject -> subject.startsWith("xa "))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
