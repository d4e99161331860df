package dev.txlab.domain.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The runner's ledger of acknowledged order ids: one id per line, appended after each
 * acknowledgement, so it survives the runner's own crash (and a power cut when {@code forced}).
 * A last line without its newline (a crash mid-write) is ignored on reading.
 */
public final class Ledger implements AutoCloseable {
    public static final String FILE_NAME = "ledger.txt";

    private final FileChannel channel;
    private final boolean forced;

    private Ledger(FileChannel channel, boolean forced) {
        this.channel = channel;
        this.forced = forced;
    }

    /** Starts an empty ledger at the path (replacing an earlier one). */
    public static Ledger create(Path path, boolean forced) {
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
            return new Ledger(FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING), forced);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the ledger " + path, e);
        }
    }

    public synchronized void append(String orderId) {
        ByteBuffer line = ByteBuffer.wrap((orderId + "\n").getBytes(StandardCharsets.UTF_8));
        try {
            while (line.hasRemaining()) {
                channel.write(line);
            }
            if (forced) {
                channel.force(false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the ledger", e);
        }
    }

    /** The acknowledged ids; empty when there is no ledger at the path. */
    public static Set<String> read(Path path) {
        if (!Files.exists(path)) {
            return Set.of();
        }
        try {
            String text = Files.readString(path, StandardCharsets.UTF_8);
            int end = text.lastIndexOf('\n');
            Set<String> ids = new LinkedHashSet<>();
            if (end >= 0) {
                for (String id : text.substring(0, end).split("\n")) {
                    if (!id.isBlank()) {
                        ids.add(id);
                    }
                }
            }
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the ledger " + path, e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the ledger", e);
        }
    }
}
