package dev.txlab.testkit;

import dev.txlab.domain.fault.FaultPlan;
import dev.txlab.domain.placement.ImplementationId;
import dev.txlab.domain.placement.TmSettings;
import dev.txlab.domain.placement.TransportSettings;
import dev.txlab.domain.run.OrderListener;
import dev.txlab.domain.run.Run;
import dev.txlab.domain.run.RunOptions;
import dev.txlab.domain.store.StoreConfig;
import dev.txlab.domain.store.StoreKind;
import dev.txlab.domain.workload.WorkloadSpec;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The main class a crash test starts in a child JVM: a fresh run of an implementation that halts at
 * the armed crash point. Its request: {@link Request}.
 */
public final class ChildRun {
    private ChildRun() {
    }

    /**
     * What the child runs: the implementation, where (store kind, data dir, prefix), how many orders
     * with how many callers from which seed, the crash ({@code POINT@N}; null for none), the TM's
     * presumed-abort timeout, and the sagas' transport (at its default URL).
     */
    public record Request(ImplementationId implementation, StoreKind store, String dataDir, String prefix, int orders,
                          int concurrency, long seed, String crash, int tmTimeoutSeconds,
                          TransportSettings.Kind transport) {
    }

    public static void main(String[] args) throws Exception {
        Request request = ChildJvm.request(args, Request.class);
        FaultPlan faults = request.crash() == null ? FaultPlan.NONE : FaultPlan.parseCrash(request.crash());
        StoreConfig store = TestStores.of(request.store(), request.prefix()).dataDir(Path.of(request.dataDir())).build();
        RunOptions options = RunOptions.builder(store, request.implementation())
                .workload(WorkloadSpec.builder().orders(request.orders()).seed(request.seed()).build())
                .callers(request.concurrency())
                .faults(faults)
                .tm(tmSettings(request.tmTimeoutSeconds()))
                .transport(TransportSettings.of(request.transport().id(), null))
                .build();
        try (Run run = Run.prepare(options)) {
            run.execute(OrderListener.NONE);
        }
    }

    /** The TM settings of a crash test: the file log store and the given presumed-abort timeout. */
    public static TmSettings tmSettings(int presumedAbortSeconds) {
        return new TmSettings(TmSettings.LogStore.FILE, Duration.ofSeconds(presumedAbortSeconds));
    }
}
