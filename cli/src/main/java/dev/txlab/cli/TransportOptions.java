package dev.txlab.cli;

import dev.txlab.harness.placement.Batching;
import dev.txlab.harness.placement.TransportSettings;
import picocli.CommandLine.Option;

/** The saga transport's flags; run, recover and audit accept them. */
final class TransportOptions {
    static final String TRANSPORT = "--transport";
    static final String URL = "--transport-url";
    static final String BATCH = "--batch";
    static final String LINGER = "--linger";

    @Option(names = TRANSPORT, paramLabel = "artemis|nats", defaultValue = "artemis",
            description = "sagas only: the broker, embedded Artemis with its journal under --data-dir, or NATS "
                    + "JetStream (default: ${DEFAULT-VALUE})")
    String transport;

    @Option(names = URL, paramLabel = "URL",
            description = "sagas only: where NATS listens (default with --transport nats: "
                    + TransportSettings.DEFAULT_NATS_URL + ")")
    String url;

    @Option(names = BATCH, paramLabel = "N", defaultValue = "" + Batching.DEFAULT_SIZE,
            description = "sagas only: the most deliveries a service's consumer handles in one local transaction; "
                    + "1 is the naive runtime, a transaction per message (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = LINGER, paramLabel = "0|DURATION", defaultValue = "0",
            description = "sagas only: how long a consumer waits for more deliveries once it has one, e.g. 2ms; "
                    + "0 takes what is queued and never waits (default: ${DEFAULT-VALUE})")
    String linger;

    TransportSettings toSettings() {
        return TransportSettings.of(transport, url).withBatching(Batching.parse(batch, linger));
    }
}
