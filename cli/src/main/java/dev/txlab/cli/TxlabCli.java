package dev.txlab.cli;

import dev.txlab.cli.compare.BuildInfo;
import dev.txlab.cli.compare.EnvironmentProbe;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** Entry point of the {@code txlab} command. */
@Command(name = "txlab", mixinStandardHelpOptions = true, versionProvider = TxlabCli.Version.class,
        description = "Compares XA two-phase commit and sagas on one order transaction.",
        subcommands = {CompareCommand.class, ReportCommand.class, FaultsCommand.class, RunCommand.class, AuditCommand.class,
                RecoverCommand.class, ProjectCommand.class, CalibrateCommand.class})
public final class TxlabCli implements Runnable {
    public static final int EXIT_OK = 0;
    public static final int EXIT_VIOLATIONS = 1;
    public static final int EXIT_BAD_INPUT = 2;
    public static final int EXIT_FAILED = 3;
    /** Submits failed for an infrastructure reason: the run did not place its orders and is not a result. */
    public static final int EXIT_NOT_PLACED = 4;
    /** The run stopped before its workload ended (the disk full); {@code txlab recover} finishes it. */
    public static final int EXIT_STOPPED = 5;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code. */
    public static int execute(String... args) {
        Logging.quiet();
        CommandLine commandLine = new CommandLine(new TxlabCli());
        commandLine.setParameterExceptionHandler(new Errors.BadParameters());
        commandLine.setExecutionExceptionHandler(new Errors.FailedExecution());
        return commandLine.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is needed: compare, report, faults, run, audit, recover or calibrate");
    }

    /** The version and the git commit the jar was built from. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"txlab " + BuildInfo.version() + ", commit " + EnvironmentProbe.gitCommit()};
        }
    }
}
