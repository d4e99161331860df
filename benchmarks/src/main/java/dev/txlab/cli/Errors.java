package dev.txlab.cli;

import dev.txlab.domain.store.StoreUnavailableException;
import picocli.CommandLine;

import java.io.PrintWriter;

/** How the CLI reports bad input (exit 2) and failures (exit 3): one line, a stack trace only with --verbose. */
final class Errors {
    private Errors() {
    }

    /** Implemented by commands that take --verbose. */
    interface Verbose {
        boolean verbose();
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
            boolean badInput = e instanceof IllegalArgumentException || e instanceof StoreUnavailableException;
            err.println("txlab: " + (badInput ? "" : "failed: ") + message(e));
            if (commandLine.getCommand() instanceof Verbose verbose && verbose.verbose()) {
                e.printStackTrace(err);
            }
            err.flush();
            return badInput ? TxlabCli.EXIT_BAD_INPUT : TxlabCli.EXIT_FAILED;
        }

        private static String message(Throwable e) {
            return e.getMessage() != null ? e.getMessage() : "an unexpected error (rerun with --verbose for details)";
        }
    }
}
