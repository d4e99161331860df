package dev.txlab.cli;

import dev.txlab.harness.audit.AuditReport;
import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.harness.placement.TmSettings;
import dev.txlab.harness.run.PrefixLock;
import dev.txlab.harness.run.RunRecovery;
import dev.txlab.harness.run.SetupKilledException;
import dev.txlab.harness.store.StoreConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code txlab recover}: finishes a run that was killed, found by its placement flags alone. */
@Command(name = "recover", mixinStandardHelpOptions = true,
        description = "Brings a killed run back: redoes an unfinished setup, or runs the implementation's recovery "
                + "(XA: the TM's, until nothing of it is in doubt; sagas: relays and consumers, until every order is "
                + "terminal, at most 120 s), then audits what it recovered. Exit 0 when nothing is left and the "
                + "invariants hold, 1 naming what is left or broken.")
final class RecoverCommand implements Callable<Integer> {
    /** Library output and stack traces of the recovery, in the run's folder under the data directory. */
    static final String LOG_FILE = "recover.log";
    private static final int SHOWN_VIOLATIONS = 200;

    @Option(names = "--impl", paramLabel = "ID", description = "the implementation that ran; checked against the run record")
    String implementation;

    @Mixin
    VerboseOption verbosity;

    @Mixin
    PlacementOptions placement;

    @Mixin
    TmOptions tmOptions;

    @Mixin
    TransportOptions transportOptions;

    @Override
    public Integer call() throws Exception {
        TmSettings tm = tmOptions.toSettings();
        Optional<ImplementationId> expected = Optional.ofNullable(implementation).map(ImplementationId::parse);
        StoreConfig store = placement.toConfig();
        try (PrefixLock lock = PrefixLock.acquire(store, "recover");
             LogFile log = LogFile.open(store.runDir().resolve(LOG_FILE))) {
            return recover(store, tm, expected, log.terminal());
        }
    }

    private int recover(StoreConfig store, TmSettings tm, Optional<ImplementationId> expected, PrintStream out)
            throws SQLException {
        RunRecovery.Recovered recovered;
        try {
            recovered = RunRecovery.recover(store, tm, transportOptions.toSettings(), Clock.systemUTC(), expected);
        } catch (SetupKilledException e) {
            out.println("txlab recover: " + e.getMessage());
            return TxlabCli.EXIT_OK;
        }
        out.printf(Locale.ROOT, "txlab recover: %s run %s (orders model %s), %s in %.1f s%n",
                recovered.record().implementation(), recovered.record().runId(),
                recovered.record().ordersModel().id(), recovered.setupRedone() ? "setup redone (it had not completed)"
                        : "recovery ran", recovered.took().toMillis() / 1000.0);
        out.println(recovered.complete() ? "left: nothing (no PENDING order, nothing in doubt)"
                : "left: " + recovered.left().size() + " (I3 and I5 below)");
        recovered.unreadableLogRecords().forEach(record -> out.println("transaction manager log: " + record));
        recovered.ledgerNotes().forEach(note -> out.println("ledger: " + note));
        AuditReport audit = recovered.audit();
        out.println("audit of what was recovered (" + audit.orders() + " orders, " + audit.acknowledged()
                + " acknowledged): " + audit.describe(SHOWN_VIOLATIONS));
        return audit.ok() ? TxlabCli.EXIT_OK : TxlabCli.EXIT_VIOLATIONS;
    }
}
