package dev.txlab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Sends everything the libraries print (SLF4J simple logger, java.util.logging's console handler,
 * Atomikos's own println) to a file while a long command runs, so the terminal shows only the
 * command's own progress and results, through {@link #terminal()} and {@link #terminalErr()}.
 */
final class LogFile implements AutoCloseable {
    private final PrintStream terminal;
    private final PrintStream terminalErr;
    private final PrintStream file;
    private final Path path;

    private LogFile(PrintStream terminal, PrintStream terminalErr, PrintStream file, Path path) {
        this.terminal = terminal;
        this.terminalErr = terminalErr;
        this.file = file;
        this.path = path;
    }

    static LogFile open(Path path) throws IOException {
        Files.createDirectories(path.toAbsolutePath().getParent());
        PrintStream file = new PrintStream(Files.newOutputStream(path), true, StandardCharsets.UTF_8);
        LogFile log = new LogFile(System.out, System.err, file, path);
        System.setOut(file);
        System.setErr(file);
        return log;
    }

    PrintStream terminal() {
        return terminal;
    }

    PrintStream terminalErr() {
        return terminalErr;
    }

    Path path() {
        return path;
    }

    @Override
    public void close() {
        System.setOut(terminal);
        System.setErr(terminalErr);
        file.close();
    }
}
