package dev.txlab.scenarios;

import dev.txlab.domain.service.ServiceName;
import dev.txlab.harness.child.ChildRun;
import dev.txlab.harness.fault.CrashPoint;
import dev.txlab.harness.fault.FaultPlan;
import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.harness.run.OrderListener;
import dev.txlab.harness.run.Run;
import dev.txlab.harness.run.RunResult;
import dev.txlab.harness.store.DatabaseLocation;
import dev.txlab.harness.store.StoreConfig;
import dev.txlab.harness.store.StoreKind;
import dev.txlab.harness.workload.WorkloadSpec;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * 2PC: the participants' database server is really restarted (its service command, e.g.
 * {@code pg_ctlcluster ... restart}) after every participant prepared an order and before the TM
 * logs its decision; the TM then commits into broken connections. Prepared branches survive a
 * server restart, so the order must end APPROVED once the TM (at once or in its recovery) commits
 * them. Passes when the server's start time moved (the restart happened), recovery left nothing in
 * doubt, the audit holds and the order is APPROVED.
 */
public record ServerRestartScenario(String id, String description, Set<ImplementationId> appliesTo, int hit,
                                    WorkloadSpec workload, OrderCheck check) implements Scenario {

    /**
     * The TMs' transaction timeout (and presumed abort) here: longer than a server restart takes, so
     * the restart meets a transaction still within its time; the catalog's usual 2 s would have the
     * TM time the transaction out while the server restarts, a different fault.
     */
    static final int TRANSACTION_TIMEOUT_SECONDS = 30;

    public ServerRestartScenario {
        appliesTo = Set.copyOf(appliesTo);
    }

    @Override
    public String mustHold() {
        return "I0-I6 after recovery; the order prepared before the restart committed";
    }

    @Override
    public Optional<String> unsupportedOn(ScenarioContext context, ImplementationId implementation) {
        StoreKind store = context.store();
        if (!store.isServer()) {
            return Optional.of("an embedded " + store.id() + " database has no server to restart; run it with "
                    + "--store postgres or mariadb");
        }
        return ServerRestarts.command(store).isPresent() ? Optional.empty() : Optional.of("no command known to "
                + "restart the " + store.id() + " server here; set TXLAB_RESTART_" + store.name());
    }

    @Override
    public FaultMatrix.Cell run(ScenarioContext context, ImplementationId implementation) throws Exception {
        StoreConfig store = context.storeFor(id, implementation);
        FaultPlan.ServerRestart restart = new FaultPlan.ServerRestart(CrashPoint.XA_AFTER_ALL_PREPARES, hit,
                ServerRestarts.command(context.store()).orElseThrow());
        DatabaseLocation server = store.location(ServiceName.PAYMENTS);
        Instant startedBefore;
        RunResult result;
        try (Run run = Run.prepare(context.runOptions(store, implementation)
                .workload(workload)
                .faults(FaultPlan.NONE.withServerRestart(restart))
                .tm(ChildRun.tmSettings(TRANSACTION_TIMEOUT_SECONDS))
                .build())) {
            startedBefore = ServerRestarts.startedAt(server);
            result = run.execute(OrderListener.NONE);
        }
        Instant startedAfter = ServerRestarts.startedAt(server);
        String evidence = String.format(Locale.ROOT, "'%s' at %s (hit %d): the server started at %s, then at %s; "
                        + "%d of %d orders acknowledged, %d submits refused", String.join(" ", restart.command()),
                restart.point(), hit, startedBefore, startedAfter, result.completed(), workload.orders(),
                result.failedSubmits());
        if (!startedAfter.isAfter(startedBefore)) {
            return FaultMatrix.Cell.fail("the fault did not fire: the server was not restarted; " + evidence);
        }
        return AfterRecovery.of(context, implementation, store, TRANSACTION_TIMEOUT_SECONDS).consistent(evidence,
                check, context, implementation, store);
    }
}
