package dev.txlab.harness.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The logs a run keeps beside its databases: the transaction managers' ({@code <run dir>/tm-...})
 * and the embedded broker's journal ({@code <run dir>/broker-...}). A fresh run clears them after
 * the reset has rolled back every branch they could still refer to, so no TM recovers an earlier
 * run's transactions against new databases and no earlier run's message is delivered again.
 */
public final class RunLogs {
    /** The directory name prefixes of the logs a fresh run clears. */
    public static final String TM_PREFIX = "tm-";
    public static final String BROKER_PREFIX = "broker-";

    private RunLogs() {
    }

    static void clear(Path runDir) {
        if (!Files.isDirectory(runDir)) {
            return;
        }
        try (Stream<Path> entries = Files.list(runDir)) {
            for (Path log : entries.filter(RunLogs::isLog).toList()) {
                FileTrees.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the TM logs and broker journal under " + runDir, e);
        }
    }

    private static boolean isLog(Path path) {
        String name = path.getFileName().toString();
        return name.startsWith(TM_PREFIX) || name.startsWith(BROKER_PREFIX);
    }
}
