package dev.txlab.cli;

import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.harness.placement.TmSettings;
import picocli.CommandLine.Option;

import java.time.Duration;

/** The transaction manager's flags (XA runs); run, recover and audit all accept them. */
final class TmOptions {
    static final String STORE = "--tm-store";
    static final String TIMEOUT = "--tm-timeout";

    @Option(names = STORE, paramLabel = "file|journal", defaultValue = "file",
            description = "XA only: the transaction manager's log store (journal: Narayana only) (default: ${DEFAULT-VALUE})")
    String tmStore;

    @Option(names = TIMEOUT, paramLabel = "SECONDS", defaultValue = "10",
            description = "XA only: transaction timeout and presumed abort of an undecided prepared branch "
                    + "(Narayana orphan safety interval, Atomikos max_timeout) (default: ${DEFAULT-VALUE})")
    int tmTimeoutSeconds;

    TmSettings toSettings() {
        Flags.require(tmTimeoutSeconds >= 1, "--tm-timeout must be at least 1 second, was " + tmTimeoutSeconds);
        return new TmSettings(TmSettings.LogStore.parse(tmStore), Duration.ofSeconds(tmTimeoutSeconds));
    }

    /** The settings, checked against the implementation that will use them. */
    TmSettings toSettings(ImplementationId implementation) {
        TmSettings settings = toSettings();
        Flags.require(settings.logStore() != TmSettings.LogStore.JOURNAL || implementation == ImplementationId.XA_NARAYANA,
                "--tm-store journal is Narayana's journal store; it needs --impl xa-narayana");
        return settings;
    }
}
