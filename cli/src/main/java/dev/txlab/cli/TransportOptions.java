package dev.txlab.cli;

import dev.txlab.harness.placement.TransportSettings;
import picocli.CommandLine.Option;

/** The saga transport's flags; run, recover and audit accept them. */
final class TransportOptions {
    static final String TRANSPORT = "--transport";
    static final String URL = "--transport-url";

    @Option(names = TRANSPORT, paramLabel = "artemis|nats", defaultValue = "artemis",
            description = "sagas only: the broker, embedded Artemis with its journal under --data-dir, or NATS "
                    + "JetStream (default: ${DEFAULT-VALUE})")
    String transport;

    @Option(names = URL, paramLabel = "URL",
            description = "sagas only: where NATS listens (default with --transport nats: "
                    + TransportSettings.DEFAULT_NATS_URL + ")")
    String url;

    TransportSettings toSettings() {
        return TransportSettings.of(transport, url);
    }
}
