package dev.txlab.harness.cost;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts every forced write of some running processes (this JVM, local servers) over a window, with
 * {@code strace} attached to them: JFR's file-force event sees only {@code FileChannel.force} above
 * a threshold and not {@code FileDescriptor.sync()}, strace sees every fsync, fdatasync,
 * sync_file_range, syncfs, sync and msync of every thread, and with {@code -y} the file each one
 * forced. strace stops a traced thread at each of its system calls, so what runs inside the window
 * is slower: count in a window of its own, never while timing. The window opens when strace
 * has been seen tracing (a marker file forced until its line appears) and closes the same way.
 */
public final class ForcedWriteTrace implements AutoCloseable {
    static final String CALLS = "fsync,fdatasync,sync_file_range,syncfs,sync,msync";
    private static final Pattern CALL = Pattern.compile("^(?:\\d+\\s+)?(fsync|fdatasync|sync_file_range|syncfs"
            + "|sync|msync)\\((?:\\d+<([^>]*)>)?");
    private static final Duration ATTACH_WAIT = Duration.ofSeconds(20);

    private final Process strace;
    private final Path dir;
    private final Path log;
    private final Path startMarker;
    private final Path endMarker;
    private final ForcedWriteComponents components;

    private ForcedWriteTrace(Process strace, Path dir, ForcedWriteComponents components) {
        this.strace = strace;
        this.dir = dir;
        this.log = dir.resolve("strace.log");
        this.startMarker = dir.resolve("window-opens");
        this.endMarker = dir.resolve("window-closes");
        this.components = components;
    }

    /** Why forced writes cannot be counted on this machine; empty when they can. */
    public static Optional<String> unavailable() {
        for (String entry : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!entry.isEmpty() && Files.isExecutable(Path.of(entry, "strace"))) {
                return Optional.empty();
            }
        }
        return Optional.of("strace is not installed (Debian: apt-get install strace)");
    }

    /** Attaches strace to this JVM and to {@code otherPids}; returns once it traces them. */
    public static ForcedWriteTrace start(List<Long> otherPids, ForcedWriteComponents components)
            throws IOException, InterruptedException {
        Optional<String> unavailable = unavailable();
        if (unavailable.isPresent()) {
            throw new IllegalStateException("cannot count forced writes: " + unavailable.get());
        }
        Path dir = Files.createTempDirectory("txlab-forced-writes").toRealPath();
        List<String> command = new ArrayList<>(List.of("strace", "-f", "-qq", "-y", "-e", "trace=" + CALLS,
                "-e", "signal=none", "-o", dir.resolve("strace.log").toString(),
                "-p", Long.toString(ProcessHandle.current().pid())));
        for (long pid : otherPids) {
            command.add("-p");
            command.add(Long.toString(pid));
        }
        Process strace = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(dir.resolve("strace.err").toFile()).start();
        ForcedWriteTrace trace = new ForcedWriteTrace(strace, dir, components);
        try {
            trace.forceUntilSeen(trace.startMarker);
        } catch (IOException | RuntimeException | InterruptedException e) {
            trace.close();
            throw e;
        }
        return trace;
    }

    /** Closes the window and counts what it saw, per component. */
    public ForcedWrites stop() throws IOException, InterruptedException {
        forceUntilSeen(endMarker);
        return count(Files.readAllLines(log, StandardCharsets.UTF_8), startMarker.toString(), endMarker.toString(),
                components);
    }

    /**
     * Counts the forced writes between the last line that forced {@code opens} and the first that
     * forced {@code closes}. A call strace shows in two lines (unfinished, resumed) counts once.
     */
    static ForcedWrites count(List<String> lines, String opens, String closes, ForcedWriteComponents components) {
        int from = 0;
        int to = lines.size();
        for (int i = 0; i < lines.size(); i++) {
            String file = fileOf(lines.get(i));
            if (opens.equals(file)) {
                from = i + 1;
            } else if (closes.equals(file) && to == lines.size()) {
                to = i;
            }
        }
        Map<String, Long> counts = new HashMap<>();
        for (String line : lines.subList(Math.min(from, to), to)) {
            Matcher call = CALL.matcher(line.strip());
            if (call.find()) {
                counts.merge(components.of(call.group(1), call.group(2)), 1L, Long::sum);
            }
        }
        return new ForcedWrites(counts);
    }

    private static String fileOf(String line) {
        Matcher call = CALL.matcher(line.strip());
        return call.find() ? call.group(2) : null;
    }

    private void forceUntilSeen(Path marker) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + ATTACH_WAIT.toNanos();
        try (FileChannel channel = FileChannel.open(marker, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            while (!seen(marker)) {
                if (!strace.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("strace did not trace this JVM within " + ATTACH_WAIT.toSeconds()
                            + " s" + (strace.isAlive() ? "" : " (exit code " + strace.exitValue() + ")") + ": "
                            + errors());
                }
                channel.write(ByteBuffer.wrap(new byte[] {1}));
                channel.force(false);
                Thread.sleep(5);
            }
        }
    }

    private boolean seen(Path marker) throws IOException {
        if (!Files.exists(log)) {
            return false;
        }
        String text = Files.readString(log, StandardCharsets.UTF_8);
        return text.contains("<" + marker + ">");
    }

    private String errors() {
        try {
            String text = Files.readString(dir.resolve("strace.err"), StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "strace said nothing" : text;
        } catch (IOException e) {
            return "its error output is unreadable: " + e.getMessage();
        }
    }

    /** Detaches strace (it lets go of every traced thread on SIGTERM) and deletes its files. */
    @Override
    public void close() throws IOException {
        strace.destroy();
        try {
            if (!strace.waitFor(10, TimeUnit.SECONDS)) {
                strace.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
        }
        Files.deleteIfExists(dir);
    }
}
