package dev.txlab.cli;

import dev.txlab.harness.run.PrefixInUseException;
import dev.txlab.harness.run.PreflightFailedException;
import dev.txlab.harness.run.RunStoppedException;
import dev.txlab.harness.store.StoreUnavailableException;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Optional;

/**
 * How the CLI reports bad input, a path it cannot write, or a server that cannot serve the run (exit 2)
 * and failures (exit 3): one line, a stack trace only with --verbose.
 */
final class Errors {
    private Errors() {
    }

    /** Says which path could not be used and why, and which flags choose the paths. */
    static String unusablePath(FileSystemException e) {
        String why;
        if (e instanceof AccessDeniedException) {
            why = "permission denied";
        } else if (e instanceof NoSuchFileException) {
            why = "no such file or directory";
        } else if (e instanceof NotDirectoryException) {
            why = "not a directory";
        } else if (e instanceof FileAlreadyExistsException) {
            why = "a file is in the way of a folder";
        } else {
            why = e.getReason() != null ? e.getReason().toLowerCase(java.util.Locale.ROOT) : e.getClass().getSimpleName();
        }
        return "cannot write " + e.getFile() + ": " + why + " (choose another --out or --data-dir)";
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
            if (e instanceof RunStoppedException) {
                err.println("txlab: " + e.getMessage());
                err.flush();
                return TxlabCli.EXIT_STOPPED;
            }
            Optional<FileSystemException> path = pathProblem(e);
            boolean badInput = e instanceof IllegalArgumentException || e instanceof StoreUnavailableException
                    || e instanceof PreflightFailedException || e instanceof PrefixInUseException || path.isPresent();
            err.println("txlab: " + path.map(Errors::unusablePath).orElse((badInput ? "" : "failed: ") + message(e)));
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

        /** A file or folder the command could not create or write, found among the causes. */
        private static Optional<FileSystemException> pathProblem(Throwable e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof FileSystemException problem) {
                    return Optional.of(problem);
                }
            }
            return Optional.empty();
        }

        private static String message(Throwable e) {
            return e.getMessage() != null ? e.getMessage() : "an unexpected error (rerun with --verbose for details)";
        }
    }
}
