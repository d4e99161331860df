package dev.txlab.cli;

import dev.txlab.domain.run.PreflightFailedException;
import dev.txlab.domain.store.StoreUnavailableException;
import picocli.CommandLine;

import java.io.PrintWriter;

/**
 * How the CLI reports bad input or a server that cannot serve the run (exit 2) and failures (exit 3):
 * one line, a stack trace only with --verbose.
 */
final class Errors {
    private Errors() {
    }

    static final class BadParameters implements CommandLine.IParameterExceptionHandler {
        @Override
        public int handleParseException(CommandLine.ParameterException e, String[] args) {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("txlab: " + e.getMessage());
            err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for the accepted options.");
            err.flush();
            return TxlabCli.EXIT_BAD_INPUT;
        }
    }

    static final class FailedExecution implements CommandLine.IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parsed) {
            PrintWriter err = commandLine.getErr();
            boolean badInput = e instanceof IllegalArgumentException || e instanceof StoreUnavailableException
                    || e instanceof PreflightFailedException;
            err.println("txlab: " + (badInput ? "" : "failed: ") + message(e));
            if (verbose(parsed)) {
                e.printStackTrace(err);
            }
            err.flush();
            return badInput ? TxlabCli.EXIT_BAD_INPUT : TxlabCli.EXIT_FAILED;
        }

        /** True when --verbose was given to the command or any of its subcommands. */
        private static boolean verbose(CommandLine.ParseResult parsed) {
            for (CommandLine.ParseResult level = parsed; level != null;
                 level = level.hasSubcommand() ? level.subcommand() : null) {
                if (level.hasMatchedOption(VerboseOption.NAME)) {
                    return true;
                }
            }
            return false;
        }

        private static String message(Throwable e) {
            return e.getMessage() != null ? e.getMessage() : "an unexpected error (rerun with --verbose for details)";
        }
    }
}
