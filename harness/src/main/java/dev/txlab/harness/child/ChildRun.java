package dev.txlab.harness.child;

import dev.txlab.domain.model.OrdersModel;
import dev.txlab.harness.cost.MessageCounts;
import dev.txlab.harness.fault.FaultPlan;
import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.harness.placement.TmSettings;
import dev.txlab.harness.placement.TransportSettings;
import dev.txlab.harness.run.AccountsSetting;
import dev.txlab.harness.run.OrderListener;
import dev.txlab.harness.run.Run;
import dev.txlab.harness.run.RunOptions;
import dev.txlab.harness.store.StoreConfig;
import dev.txlab.harness.store.StoreKind;
import dev.txlab.harness.workload.WorkloadSpec;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The main class a crash test starts in a child JVM: a fresh run of an implementation that halts at
 * the armed crash point, reporting its message counts as it goes ({@link MessageCountsReport}). Its
 * request: {@link Request}.
 */
public final class ChildRun {
    private ChildRun() {
    }

    /**
     * What the child runs: the implementation, where (store kind, data dir, prefix), how many orders
     * with how many callers from which seed, the crash ({@code POINT@N}; null for none), the TM's
     * presumed-abort timeout, the sagas' transport (at its default URL), how the orders service keeps
     * its orders and the payments service its accounts.
     */
    public record Request(ImplementationId implementation, StoreKind store, String dataDir, String prefix, int orders,
                          int concurrency, long seed, String crash, int tmTimeoutSeconds,
                          TransportSettings.Kind transport, OrdersModel ordersModel, AccountsSetting accounts) {
        /** A request whose accounts are rows. */
        public Request(ImplementationId implementation, StoreKind store, String dataDir, String prefix, int orders,
                       int concurrency, long seed, String crash, int tmTimeoutSeconds,
                       TransportSettings.Kind transport, OrdersModel ordersModel) {
            this(implementation, store, dataDir, prefix, orders, concurrency, seed, crash, tmTimeoutSeconds,
                    transport, ordersModel, AccountsSetting.STATE);
        }
    }

    public static void main(String[] args) throws Exception {
        Request request = ChildJvm.request(args, Request.class);
        FaultPlan faults = request.crash() == null ? FaultPlan.NONE : FaultPlan.parseCrash(request.crash());
        StoreConfig store = StoreConfig.builder().allServices(request.store()).prefix(request.prefix())
                .dataDir(Path.of(request.dataDir())).poolSize(12).build();
        RunOptions options = RunOptions.builder(store, request.implementation())
                .workload(WorkloadSpec.builder().orders(request.orders()).seed(request.seed()).build())
                .callers(request.concurrency())
                .faults(faults)
                .tm(tmSettings(request.tmTimeoutSeconds()))
                .transport(TransportSettings.of(request.transport().id(), null))
                .ordersModel(request.ordersModel())
                .accounts(request.accounts())
                .build();
        try (Run run = Run.prepare(options);
             MessageCountsReport counts = MessageCountsReport.start(
                     () -> run.placement().messageCounts().orElse(MessageCounts.NONE))) {
            run.execute(OrderListener.NONE);
        }
    }

    /** The TM settings of a crash test: the file log store and the given presumed-abort timeout. */
    public static TmSettings tmSettings(int presumedAbortSeconds) {
        return new TmSettings(TmSettings.LogStore.FILE, Duration.ofSeconds(presumedAbortSeconds));
    }
}
