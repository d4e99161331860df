package dev.txlab.cli;

import dev.txlab.domain.service.ServiceName;
import dev.txlab.harness.placement.ImplementationId.Coordination;
import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.harness.run.DiskSpace;
import dev.txlab.harness.store.StoreConfig;
import dev.txlab.harness.store.StoreKind;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * Warns before a run when its data directory may not hold what the run writes. H2 files dominate:
 * measured on H2 2.3.232 with the stores' compaction and 5 s retention (the size of the H2 files
 * after `./txlab run --rate R --duration 10m`, 50,000 to 90,000 orders at 350 to 500 orders/s):
 * local-baseline 11 KB, saga-choreo 13 KB, saga-orch 19 KB per order (freed chunks are kept 5 s, so
 * the size per order grows with the rate); XA is not measured that way (7 KB in a short run). The
 * estimate allows 1.5 to 4 times those. The run itself stops cleanly when the disk is nearly full;
 * this only says so in advance.
 */
final class DiskEstimate {
    private static final Map<Coordination, Long> H2_BYTES_PER_ORDER = Map.of(
            Coordination.LOCAL_TRANSACTION, 16L * 1024, Coordination.XA, 28L * 1024, Coordination.SAGA, 52L * 1024);

    private DiskEstimate() {
    }

    static void warn(StoreConfig store, ImplementationId implementation, int orders, PrintStream err) {
        long h2Files = Arrays.stream(ServiceName.values()).filter(service -> store.kind(service) == StoreKind.H2_FILE)
                .count();
        if (h2Files == 0) {
            return;
        }
        long estimate = H2_BYTES_PER_ORDER.get(implementation.coordination()) * orders * h2Files
                / ServiceName.values().length;
        long usable = DiskSpace.of(store.dataDir()).usage().usable();
        if (usable < estimate) {
            err.printf(Locale.ROOT, "txlab: warning: the data directory %s has %d MB free, and %d orders of %s on H2 "
                            + "files write about %d MB; the run stops when the disk is nearly full (then free space "
                            + "and run txlab recover), or choose another --data-dir or fewer --orders%n",
                    store.dataDir(), usable / (1024 * 1024), orders, implementation, estimate / (1024 * 1024));
        }
    }

}
