package dev.txlab.cli;

import dev.txlab.domain.run.RunAudit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.time.Clock;
import java.util.concurrent.Callable;

/** {@code txlab audit}: checks the invariants of the run that the placement flags point at. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Audits the run found with the given placement flags; exit 0 when the invariants hold, 1 if not.")
final class AuditCommand implements Callable<Integer> {
    private static final int SHOWN_VIOLATIONS = 200;

    @Mixin
    VerboseOption verbosity;

    @Mixin
    PlacementOptions placement;

    /** Accepted so that audit takes every flag of run; an audit needs no transaction manager. */
    @Mixin
    TmOptions tmOptions;

    @Override
    public Integer call() throws Exception {
        RunAudit.Audited audited = RunAudit.audit(placement.toConfig(), Clock.systemUTC());
        PrintStream out = System.out;
        out.printf("txlab audit: run %s, %s, started %s, durability %s, setup %s%n", audited.record().runId(),
                audited.record().implementation(), audited.record().startedAt(), audited.record().durability().id(),
                audited.record().setupComplete() ? "complete" : "NOT complete (the run died during setup)");
        out.println("outcomes (orders): " + RunPrinter.outcomes(audited.report().outcomeCounts()));
        out.println("audit (" + audited.report().orders() + " orders, " + audited.report().acknowledged()
                + " acknowledged): " + audited.report().describe(SHOWN_VIOLATIONS));
        return audited.report().ok() ? TxlabCli.EXIT_OK : TxlabCli.EXIT_VIOLATIONS;
    }
}
