package dev.txlab.cli;

import dev.txlab.harness.audit.AuditReport;
import dev.txlab.harness.run.PrefixLock;
import dev.txlab.harness.run.RunAudit;
import dev.txlab.harness.run.SetupKilledException;
import dev.txlab.harness.store.StoreConfig;
import dev.txlab.messaging.Backlog;
import dev.txlab.messaging.Transports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code txlab audit}: checks the invariants of the run that the placement flags point at. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Audits the run found with the given placement flags; exit 0 when the invariants hold, 1 if not. "
                + "Given --transport, also counts what the broker holds of the run: messages a consumer group has not "
                + "acknowledged (I3 leftovers) and dead letters.")
final class AuditCommand implements Callable<Integer> {
    private static final int SHOWN_VIOLATIONS = 200;
    /** Library output and stack traces of the audit, in the run's folder under the data directory. */
    static final String LOG_FILE = "audit.log";

    @Mixin
    VerboseOption verbosity;

    @Mixin
    PlacementOptions placement;

    /** Accepted so that audit takes every flag of run; an audit needs no transaction manager. */
    @Mixin
    TmOptions tmOptions;

    @Mixin
    TransportOptions transportOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        StoreConfig store = placement.toConfig();
        try (PrefixLock lock = PrefixLock.acquire(store, "audit");
             LogFile log = LogFile.open(store.runDir().resolve(LOG_FILE))) {
            return audit(store, log.terminal());
        }
    }

    private int audit(StoreConfig store, PrintStream out) throws SQLException {
        RunAudit.Audited audited;
        try {
            audited = RunAudit.audit(store, Clock.systemUTC());
        } catch (SetupKilledException e) {
            out.println("txlab audit: " + e.getMessage());
            return TxlabCli.EXIT_OK;
        }
        out.printf("txlab audit: run %s, %s, started %s, durability %s, setup %s%n", audited.record().runId(),
                audited.record().implementation(), audited.record().startedAt(), audited.record().durability().id(),
                audited.record().setupComplete() ? "complete" : "NOT complete (the run died during setup)");
        audited.ledgerNotes().forEach(note -> out.println("ledger: " + note));
        AuditReport report = audited.report();
        Optional<Backlog> backlog = transportGiven() ? Optional.of(Transports.backlog(transportOptions.toSettings(),
                store, audited.record().durability())) : Optional.empty();
        if (backlog.isPresent()) {
            out.println("broker: " + describe(backlog.get()));
            report = report.plus(backlog.get().leftovers());
        }
        out.println("outcomes (orders): " + RunPrinter.outcomes(report.outcomeCounts()));
        out.println("audit (" + report.orders() + " orders, " + report.acknowledged() + " acknowledged): "
                + report.describe(SHOWN_VIOLATIONS));
        return report.ok() ? TxlabCli.EXIT_OK : TxlabCli.EXIT_VIOLATIONS;
    }

    private boolean transportGiven() {
        return spec.commandLine().getParseResult().hasMatchedOption(TransportOptions.TRANSPORT)
                || spec.commandLine().getParseResult().hasMatchedOption(TransportOptions.URL);
    }

    private static String describe(Backlog backlog) {
        if (backlog.notInspected().isPresent()) {
            return backlog.notInspected().get();
        }
        long unacknowledged = backlog.unacknowledged().values().stream().mapToLong(Long::longValue).sum();
        return backlog.broker() + ": " + unacknowledged + " messages not acknowledged by a consumer group"
                + (unacknowledged > 0 ? " (I3 leftovers, listed below)" : "") + "; " + backlog.deadLetters()
                + " dead letters (counted apart: each a message no handler could take, kept with its reason)";
    }
}
