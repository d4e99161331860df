package dev.txlab.cli.calibrate;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A forced write on the disk under the data directory: {@value #BLOCK_BYTES} bytes written at the
 * next offset of a file of {@value #FILE_BLOCKS} blocks (then from its start again) and forced to
 * disk, one writer: what a database's log, a TM's log or a broker's journal pays for each sync.
 */
final class ForcedWritePrimitive {
    static final int BLOCK_BYTES = 4096;
    static final String TARGET = "disk";
    private static final int FILE_BLOCKS = 1024;

    private ForcedWritePrimitive() {
    }

    static Measurement measure(Calibration calibration, Path directory) throws Exception {
        Files.createDirectories(directory);
        Path file = directory.resolve("forced-write.calibration");
        ByteBuffer block = ByteBuffer.allocateDirect(BLOCK_BYTES);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.READ)) {
            long[] next = {0};
            return calibration.measure(Primitive.FORCED_WRITE, TARGET, () -> {
                block.clear();
                channel.write(block, (next[0]++ % FILE_BLOCKS) * BLOCK_BYTES);
                channel.force(false);
                return 1;
            });
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
