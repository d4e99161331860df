package dev.txlab.harness.cost;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The processes of this machine by command name ({@code /proc/PID/comm}), e.g. a local server's. */
public final class LocalProcesses {
    private static final Path PROC = Path.of("/proc");

    private LocalProcesses() {
    }

    /** The ids of the processes whose command is one of {@code names}; empty without {@code /proc}. */
    public static List<Long> named(Set<String> names) throws IOException {
        List<Long> pids = new ArrayList<>();
        if (!Files.isDirectory(PROC)) {
            return pids;
        }
        try (Stream<Path> entries = Files.list(PROC)) {
            for (Path entry : entries.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                if (names.contains(command(entry))) {
                    pids.add(Long.parseLong(entry.getFileName().toString()));
                }
            }
        }
        return pids;
    }

    private static String command(Path process) {
        try {
            return Files.readString(process.resolve("comm"), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "";
        }
    }
}
