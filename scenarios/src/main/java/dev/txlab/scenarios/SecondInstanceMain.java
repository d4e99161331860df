package dev.txlab.scenarios;

import dev.txlab.domain.trace.StepTrace;
import dev.txlab.harness.child.ChildJvm;
import dev.txlab.harness.child.ChildRun;
import dev.txlab.harness.cost.MessageCounts;
import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.harness.placement.OrderPlacement;
import dev.txlab.harness.placement.spi.PlacementProvider;
import dev.txlab.harness.store.JdbcDecorator;
import dev.txlab.harness.store.StoreConfig;
import dev.txlab.harness.store.Stores;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A second instance of an implementation in a JVM of its own, over the same databases and broker as
 * a running first one (a second coordinator sharing the consumer groups); its request: {@link Request}
 * (with a folder for the handshake). It writes {@code ready} there
 * once its consumers run, keeps working until {@code stop} appears (at most {@link #MAX_LIFE}), then
 * prints how many deliveries it handled after {@link #MARKER}.
 */
public final class SecondInstanceMain {
    static final String MARKER = "TXLAB-SECOND-INSTANCE delivered=";
    static final String READY = "ready";
    static final String STOP = "stop";
    static final Duration MAX_LIFE = Duration.ofMinutes(3);
    private static final int CONSUMER_CONCURRENCY = 4;

    private SecondInstanceMain() {
    }

    /** What the second instance runs: an implementation's services and coordinator, where, on which prefix. */
    record Request(ImplementationId implementation, ScenarioContext.Where where, String prefix, String handshakeDir) {
    }

    public static void main(String[] args) throws Exception {
        Request request = ChildJvm.request(args, Request.class);
        ImplementationId implementation = request.implementation();
        ScenarioContext context = request.where().context();
        StoreConfig config = context.storeFor(request.prefix());
        Path handshake = Path.of(request.handshakeDir());
        PlacementProvider provider = PlacementProvider.forId(implementation);
        long delivered;
        try (Stores stores = Stores.open(config, provider.topology(), JdbcDecorator.of());
             OrderPlacement placement = provider.create(context.runOptions(config, implementation)
                     .callers(CONSUMER_CONCURRENCY)
                     .tm(ChildRun.tmSettings(CrashScenario.PRESUMED_ABORT_SECONDS))
                     .build()
                     .placementContext(stores, StepTrace.ofDefaults(), false))) {
            placement.start();
            Files.writeString(handshake.resolve(READY), "");
            long deadline = System.nanoTime() + MAX_LIFE.toNanos();
            while (!Files.exists(handshake.resolve(STOP)) && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(50);
            }
            delivered = placement.messageCounts().orElse(MessageCounts.NONE).delivered();
        }
        System.out.println(MARKER + delivered);
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }
}
