package dev.txlab.domain.run;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The runner's ledger of acknowledged order ids: a first line naming its run
 * ({@value #HEADER_START}<i>run id</i>{@code : <what ran>}), then one id per line, appended after each
 * acknowledgement, so it survives the runner's own crash (and a power cut when {@code forced}).
 * A last line without its newline (a crash mid-write) is ignored on reading.
 */
public final class Ledger implements AutoCloseable {
    static final String HEADER_START = "# txlab ledger of run ";

    private final FileChannel channel;
    private final boolean forced;

    private Ledger(FileChannel channel, boolean forced) {
        this.channel = channel;
        this.forced = forced;
    }

    /** Starts an empty ledger of the run at the path (replacing an earlier one), its first line naming the run. */
    public static Ledger create(Path path, String runId, String describedRun, boolean forced) {
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
            Ledger ledger = new Ledger(FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING), forced);
            ledger.append(HEADER_START + runId + ": " + describedRun);
            return ledger;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the ledger " + path + ": " + e.getMessage(), e);
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

    /** The acknowledged ids (the first line, naming the run, apart); empty when there is no ledger at the path. */
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
                    if (!id.isBlank() && !id.startsWith(HEADER_START)) {
                        ids.add(id);
                    }
                }
            }
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the ledger " + path, e);
        }
    }

    /** The first line of the ledger at the path, which names its run; empty for a ledger without one. */
    public static Optional<String> header(Path path) {
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            String first = reader.readLine();
            return first != null && first.startsWith(HEADER_START) ? Optional.of(first) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the ledger " + path, e);
        }
    }

    /** The id of the run the ledger at the path belongs to; empty for a ledger that does not say. */
    public static Optional<String> runId(Path path) {
        return header(path).map(line -> {
            String rest = line.substring(HEADER_START.length());
            int colon = rest.indexOf(':');
            return colon < 0 ? rest : rest.substring(0, colon);
        });
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
