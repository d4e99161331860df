package dev.txlab.messaging;

import dev.txlab.harness.placement.TransportSettings;
import dev.txlab.harness.run.RunLogs;
import dev.txlab.harness.store.Durability;
import dev.txlab.harness.store.StoreConfig;
import dev.txlab.messaging.artemis.ArtemisBacklog;
import dev.txlab.messaging.artemis.ArtemisTransport;
import dev.txlab.messaging.nats.NatsBacklog;
import dev.txlab.messaging.nats.NatsTransport;
import dev.txlab.messaging.spi.Transport;
import dev.txlab.messaging.spi.TransportInterceptor;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** Opens the transport a run's settings name, behind the decorator point with the given interceptors. */
public final class Transports {
    private Transports() {
    }

    /**
     * Opens the broker of a run: the embedded Artemis with its journal in the run's directory, or
     * NATS with streams named after the run's prefix; its persistence follows the run's durability.
     *
     * @param fresh a fresh run (NATS: delete the prefix's streams; the Artemis journal was cleared
     *              with the run's logs); false keeps what the broker holds (recovery)
     */
    public static Transport open(TransportSettings settings, StoreConfig store, Clock clock, boolean fresh,
                                 List<TransportInterceptor> interceptors) {
        Transport transport = switch (settings.kind()) {
            case ARTEMIS -> new ArtemisTransport(artemisDir(store), store.durability(), clock);
            case NATS -> new NatsTransport(settings.url().orElseThrow(), store.prefix(), store.durability(), clock,
                    fresh);
        };
        return new DecoratedTransport(transport, interceptors);
    }

    /**
     * What the run's broker still holds: the messages each consumer group has not acknowledged, and
     * the dead letters. Call it with the run stopped (the embedded broker is started on its journal).
     */
    public static Backlog backlog(TransportSettings settings, StoreConfig store, Durability durability) {
        return switch (settings.kind()) {
            case ARTEMIS -> ArtemisBacklog.inspect(artemisDir(store), durability);
            case NATS -> NatsBacklog.inspect(settings.url().orElseThrow(), store.prefix());
        };
    }

    /** Where the embedded broker of a run keeps its journal (cleared with the run's logs). */
    public static Path artemisDir(StoreConfig store) {
        return store.runDir().resolve(RunLogs.BROKER_PREFIX + "artemis");
    }
}
