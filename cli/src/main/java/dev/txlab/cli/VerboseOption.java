package dev.txlab.cli;

import picocli.CommandLine.Option;

/** {@code --verbose}: errors come with their stack trace (read by {@link Errors.FailedExecution}). */
final class VerboseOption {
    static final String NAME = "--verbose";

    @Option(names = NAME, description = "stack traces with errors")
    boolean verbose;
}
