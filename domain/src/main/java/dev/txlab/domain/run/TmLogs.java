package dev.txlab.domain.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The transaction managers' logs of a prefix ({@code <run dir>/tm-<implementation>}). A fresh run
 * clears them after the reset has rolled back every branch they could still refer to, so no TM
 * ever recovers an earlier run's transactions against new databases.
 */
final class TmLogs {
    private static final String PREFIX = "tm-";

    private TmLogs() {
    }

    static void clear(Path runDir) {
        if (!Files.isDirectory(runDir)) {
            return;
        }
        try (Stream<Path> entries = Files.list(runDir)) {
            for (Path log : entries.filter(p -> p.getFileName().toString().startsWith(PREFIX)).toList()) {
                deleteTree(log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the TM logs under " + runDir, e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path path : paths) {
            Files.delete(path);
        }
    }
}
