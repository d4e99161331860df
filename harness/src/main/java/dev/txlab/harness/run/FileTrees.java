package dev.txlab.harness.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

/** A directory and everything under it: deleted, or measured. */
public final class FileTrees {
    private FileTrees() {
    }

    /** Deletes {@code root} and everything under it; nothing to do when it does not exist. */
    public static void deleteIfExists(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path path : paths) {
            Files.deleteIfExists(path);
        }
    }

    /**
     * The total size of the files under {@code root}, in bytes; a file deleted while it is measured (a
     * broker journal file) ends the walk, which is then tried once more, and empty if that fails too.
     */
    public static OptionalLong sizeBytes(Path root) {
        for (int attempt = 0; attempt < 2; attempt++) {
            try (Stream<Path> paths = Files.walk(root)) {
                return OptionalLong.of(paths.filter(Files::isRegularFile).mapToLong(FileTrees::sizeOrZero).sum());
            } catch (IOException | UncheckedIOException e) {
                // a file vanished under the walk: try once more
            }
        }
        return OptionalLong.empty();
    }

    private static long sizeOrZero(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0; // gone since the walk listed it
        }
    }
}
