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
 * Counts a run's forced writes per order in a closed-loop window of their own, with strace attached
 * to this JVM (H2 files, TM logs, the embedded broker's journal) and to the local servers the run
 * uses (PostgreSQL, MariaDB, NATS on this machine): the forced writes of the window divided by the
 * orders it completed. strace slows what it traces, so the window's throughput is not a result.
 */
final class ForcedWriteWindow {
    private ForcedWriteWindow() {
    }

    static ForcedWritesPerOrder count(Run run, int callers, Duration length, CostTally tally)
            throws InterruptedException {
        Optional<String> unavailable = ForcedWriteTrace.unavailable();
        if (unavailable.isPresent()) {
            return ForcedWritesPerOrder.notCounted(unavailable.get());
        }
        StoreConfig store = run.options().store();
        try (ForcedWriteTrace trace = ForcedWriteTrace.start(LocalProcesses.named(serverCommands(run.options())),
                new ForcedWriteComponents(store.runDir(), store.prefix()))) {
            LoadResult window = ClosedLoad.run(run, callers, length);
            ForcedWrites counted = trace.stop();
            tally.add(window);
            if (window.completed() == 0) {
                return ForcedWritesPerOrder.notCounted("no order completed in the " + length.toSeconds() + " s window");
            }
            return new ForcedWritesPerOrder(counted.perOrder(window.completed()), window.completed(), callers, null);
        } catch (IOException | IllegalStateException e) {
            return ForcedWritesPerOrder.notCounted(e.getMessage());
        }
    }

    /** The command names of the servers on this machine that a run's stores and transport use. */
    static Set<String> serverCommands(RunOptions options) {
        Set<String> commands = new LinkedHashSet<>();
        StoreConfig store = options.store();
        for (ServiceName service : ServiceName.values()) {
            StoreKind kind = store.kind(service);
            if (kind == StoreKind.POSTGRES && isLocal(store.endpoint(kind).baseUrl())) {
                commands.add("postgres");
            } else if (kind == StoreKind.MARIADB && isLocal(store.endpoint(kind).baseUrl())) {
                commands.addAll(List.of("mariadbd", "mysqld"));
            }
        }
        TransportSettings transport = options.transport();
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
