package dev.txlab.harness.child;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.txlab.harness.fault.CrashPoints;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class in a child JVM on this JVM's classpath and waits for it to end, by itself or by
 * halting at a crash point (no shutdown hooks run). The result proves which point fired. What the
 * child is to do travels as one JSON record, its only argument ({@link #request}), never as
 * positional arguments.
 */
public final class ChildJvm {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Children live seconds (a fault cell, a halting run, a recovery): the JIT's second tier would
     * compile code they are done with, on cores the child and its parent share. With C1 alone a quick
     * suite cell took 20-30 % less wall time on 2 cores (e.g. saga-halt-before-mark on saga-choreo 7.9 ->
     * 5.6 s). Nothing a child runs is a measurement of speed: compare and run measure in their own JVM.
     */
    static final String SHORT_LIVED = "-XX:TieredStopAtLevel=1";

    private ChildJvm() {
    }

    /** In a child's {@code main}: the request its parent sent, read from its one argument. */
    public static <T> T request(String[] args, Class<T> type) {
        if (args.length != 1) {
            throw new IllegalArgumentException(type.getSimpleName() + " expects one argument, the request as JSON; got "
                    + args.length);
        }
        try {
            return JSON.readValue(args[0], type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unreadable " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    /** Runs the main class with the request (a record) as its one argument, as JSON. */
    public static Result run(Class<?> mainClass, Duration timeout, Object request) {
        List<String> command = command(mainClass, request);
        try {
            Path out = Files.createTempFile("txlab-child", ".out");
            Path err = Files.createTempFile("txlab-child", ".err");
            try {
                Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
                        .redirectError(err.toFile()).start();
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor();
                    throw new IllegalStateException("child " + mainClass.getSimpleName() + " did not end within "
                            + timeout + "; stderr:\n" + Files.readString(err, StandardCharsets.UTF_8));
                }
                return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run child JVM " + mainClass.getName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the child JVM", e);
        }
    }

    /**
     * The command that starts the main class in a JVM of its own, on this JVM's class path, with the
     * request (a record) as its one argument, as JSON: for a caller that talks to the child itself.
     * A child compiles with C1 only ({@link #SHORT_LIVED}).
     */
    public static List<String> command(Class<?> mainClass, Object request) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        try {
            return List.of(java.toString(), SHORT_LIVED, "-cp", System.getProperty("java.class.path"),
                    mainClass.getName(), JSON.writeValueAsString(request));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write the request " + request + ": " + e.getMessage(), e);
        }
    }

    /** How a child ended: its exit code, what it printed, and the crash point it announced, if any. */
    public record Result(int exitCode, String stdout, String stderr) {
        public boolean crashed() {
            return exitCode == CrashPoints.CRASH_EXIT_CODE;
        }

        public Optional<String> firedPoint() {
            return fired().map(announced -> announced.split(" ")[0]);
        }

        /** What the child announced as it halted: the point, its hit, and details the point gives. */
        public Optional<String> fired() {
            return stderr.lines()
                    .filter(line -> line.startsWith(CrashPoints.FIRED_MARKER))
                    .map(line -> line.substring(CrashPoints.FIRED_MARKER.length()))
                    .findFirst();
        }

        /** The child's last line on standard error, e.g. to say why it ended without a result. */
        public Optional<String> lastStderrLine() {
            return stderr.lines().reduce((first, second) -> second);
        }
    }
}
