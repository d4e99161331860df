package dev.txlab.harness.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/** How much room the file system of a run's data directory has, read anew at each call. */
@FunctionalInterface
public interface DiskSpace {
    /** Bytes a new write may still use, and the file system's size. */
    record Usage(long usable, long total) {
        public long usableMegabytes() {
            return usable / (1024 * 1024);
        }

        public long totalMegabytes() {
            return total / (1024 * 1024);
        }
    }

    Usage usage();

    /** The file system the directory is on (its nearest existing ancestor when it does not exist yet). */
    static DiskSpace of(Path directory) {
        Path existing = directory.toAbsolutePath();
        while (!Files.exists(existing) && existing.getParent() != null) {
            existing = existing.getParent();
        }
        Path on = existing;
        return () -> {
            try {
                FileStore store = Files.getFileStore(on);
                return new Usage(store.getUsableSpace(), store.getTotalSpace());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the free space of " + on + ": " + e.getMessage(), e);
            }
        };
    }
}
