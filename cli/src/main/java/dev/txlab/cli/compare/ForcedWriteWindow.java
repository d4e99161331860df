package dev.txlab.cli.compare;

import dev.txlab.domain.service.ServiceName;
import dev.txlab.harness.cost.ForcedWriteComponents;
import dev.txlab.harness.cost.ForcedWriteTrace;
import dev.txlab.harness.cost.ForcedWrites;
import dev.txlab.harness.cost.LocalProcesses;
import dev.txlab.harness.placement.TransportSettings;
import dev.txlab.harness.run.Run;
import dev.txlab.harness.run.RunOptions;
import dev.txlab.harness.store.StoreConfig;
import dev.txlab.harness.store.StoreKind;
import dev.txlab.load.ClosedLoad;
import dev.txlab.load.LoadResult;
import dev.txlab.report.ForcedWritesPerOrder;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Counts a run's forced writes per order in a window of their own (compare: one more closed-loop
 * iteration; {@code run --count-forced-writes}: the whole run), with strace attached
 * to this JVM (H2 files, TM logs, the embedded broker's journal) and to the local servers the run
 * uses (PostgreSQL, MariaDB, NATS on this machine): the forced writes of the window divided by the
 * orders it completed. strace slows what it traces, so the window's throughput is not a result.
 */
public final class ForcedWriteWindow {
    private ForcedWriteWindow() {
    }

    /** What the window does: places orders and says how many of them completed. */
    @FunctionalInterface
    public interface Orders {
        long place() throws InterruptedException;
    }

    /** A closed loop of {@code length} at {@code callers} callers, added to the run's cost tally. */
    static ForcedWritesPerOrder count(Run run, int callers, Duration length, CostTally tally)
            throws InterruptedException {
        return count(run, callers, () -> {
            LoadResult window = ClosedLoad.run(run, callers, length);
            tally.add(window);
            return window.completed();
        });
    }

    /**
     * Whatever {@code orders} places, at {@code callers} callers, with strace attached meanwhile; the
     * orders are placed even when strace cannot be attached (the result then says why not counted).
     */
    public static ForcedWritesPerOrder count(Run run, int callers, Orders orders) throws InterruptedException {
        Optional<String> unavailable = ForcedWriteTrace.unavailable();
        if (unavailable.isPresent()) {
            orders.place();
            return ForcedWritesPerOrder.notCounted(unavailable.get());
        }
        StoreConfig store = run.options().store();
        ForcedWriteTrace trace;
        try {
            trace = ForcedWriteTrace.start(LocalProcesses.named(serverCommands(run.options())),
                    new ForcedWriteComponents(store.runDir(), store.prefix()));
        } catch (IOException | IllegalStateException e) {
            orders.place();
            return ForcedWritesPerOrder.notCounted(e.getMessage());
        }
        try {
            long completed = orders.place();
            return counted(trace, completed, callers);
        } finally {
            closeQuietly(trace);
        }
    }

    /** What the trace saw per completed order; a failure of the trace (never of the run) is "not counted". */
    private static ForcedWritesPerOrder counted(ForcedWriteTrace trace, long completed, int callers)
            throws InterruptedException {
        try {
            ForcedWrites counted = trace.stop();
            if (completed == 0) {
                return ForcedWritesPerOrder.notCounted("no order completed while strace was attached");
            }
            return new ForcedWritesPerOrder(counted.perOrder(completed), completed, callers, null);
        } catch (IOException | IllegalStateException e) {
            return ForcedWritesPerOrder.notCounted(e.getMessage());
        }
    }

    private static void closeQuietly(ForcedWriteTrace trace) {
        try {
            trace.close();
        } catch (IOException e) {
            // strace is stopped before its files are deleted: only a temporary file stays behind
        }
    }

    /** The command names of the servers on this machine that a run's stores and transport use. */
    static Set<String> serverCommands(RunOptions options) {
        return serverCommands(options.store(), options.transport());
    }

    /** The command names of the servers on this machine that these stores and this transport use. */
    static Set<String> serverCommands(StoreConfig store, TransportSettings transport) {
        Set<String> commands = new LinkedHashSet<>();
        for (ServiceName service : ServiceName.values()) {
            StoreKind kind = store.kind(service);
            if (kind == StoreKind.POSTGRES && isLocal(store.endpoint(kind).baseUrl())) {
                commands.add("postgres");
            } else if (kind == StoreKind.MARIADB && isLocal(store.endpoint(kind).baseUrl())) {
                commands.addAll(List.of("mariadbd", "mysqld"));
            }
        }
        if (transport != null && transport.kind() == TransportSettings.Kind.NATS
                && isLocal(transport.url().orElse(TransportSettings.DEFAULT_NATS_URL))) {
            commands.add("nats-server");
        }
        return commands;
    }

    private static boolean isLocal(String url) {
        return url.contains("//127.0.0.1") || url.contains("//localhost") || url.contains("//[::1]");
    }
}
