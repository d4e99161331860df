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
 * the armed crash point. Arguments: implementation, store kind, data dir, prefix, orders,
 * concurrency, seed, crash ({@code POINT@N} or {@code none}), TM presumed-abort timeout in seconds,
 * transport ({@code artemis} or {@code nats}, at its default URL).
 */
public final class ChildRun {
    private ChildRun() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 10) {
            throw new IllegalArgumentException(
                    "usage: ChildRun impl store dataDir prefix orders concurrency seed crash tmTimeoutSeconds transport");
        }
        FaultPlan faults = args[7].equals("none") ? FaultPlan.NONE : FaultPlan.parseCrash(args[7]);
        StoreConfig store = TestStores.of(StoreKind.parse(args[1]), args[3]).dataDir(Path.of(args[2])).build();
        RunOptions options = RunOptions.builder(store, ImplementationId.parse(args[0]))
                .workload(WorkloadSpec.builder().orders(Integer.parseInt(args[4])).seed(Long.parseLong(args[6])).build())
                .callers(Integer.parseInt(args[5]))
                .faults(faults)
                .tm(tmSettings(Integer.parseInt(args[8])))
                .transport(TransportSettings.of(args[9], null))
                .build();
        try (Run run = Run.prepare(options)) {
            run.execute(OrderListener.NONE);
        }
    }

    /** The TM settings of a crash test: the file log store and the given presumed-abort timeout. */
    public static TmSettings tmSettings(int presumedAbortSeconds) {
        return new TmSettings(TmSettings.LogStore.FILE, Duration.ofSeconds(presumedAbortSeconds));
    }

    /** The arguments for {@link #main}, in order. */
    public static String[] args(ImplementationId implementation, StoreKind store, Path dataDir, String prefix,
                                int orders, int concurrency, long seed, String crash, int tmTimeoutSeconds,
                                TransportSettings.Kind transport) {
        return new String[] {implementation.id(), store.id(), dataDir.toString(), prefix, Integer.toString(orders),
                Integer.toString(concurrency), Long.toString(seed), crash, Integer.toString(tmTimeoutSeconds),
                transport.id()};
    }
}
