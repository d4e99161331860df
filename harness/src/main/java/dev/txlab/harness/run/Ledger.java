package dev.txlab.harness.run;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The runner's ledger of acknowledged order ids: a first line naming its run
 * ({@value #HEADER_START}<i>run id</i>{@code : <what ran>}), then one id per line, appended after each
 * acknowledgement, so it survives the runner's own crash (and a power cut when {@code forced}). It
 * counts its ids and keeps a SHA-256 of its complete lines, which the run seals into its run record
 * when it ends, so a ledger emptied, truncated or replaced since is told apart from the real one. A
 * last line without its newline (a crash mid-write) is not an id, and is reported as torn.
 */
public final class Ledger implements AutoCloseable {
    static final String HEADER_START = "# txlab ledger of run ";

    private final FileChannel channel;
    private final boolean forced;
    private final MessageDigest digest = sha256();
    private long ids;

    /** What a ledger file holds: its ids, how many id lines, a SHA-256 of its complete lines, a torn last line. */
    public record Contents(Set<String> ids, long idLines, String sha256, Optional<String> tornLine) {
    }

    /** What the run sealed into its record when it ended: how many ids it appended, and their SHA-256. */
    public record Seal(long acknowledged, String sha256) {
    }

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
            ledger.write(HEADER_START + runId + ": " + describedRun);
            return ledger;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the ledger " + path + ": " + e.getMessage(), e);
        }
    }

    public synchronized void append(String orderId) {
        write(orderId);
        ids++;
    }

    private void write(String line) {
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        try {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            if (forced) {
                channel.force(false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the ledger", e);
        }
        digest.update(bytes);
    }

    /** What the ledger holds so far: the seal its run writes into the run record when it ends. */
    public synchronized Seal seal() {
        try {
            return new Seal(ids, HexFormat.of().formatHex(((MessageDigest) digest.clone()).digest()));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 cannot be cloned", e);
        }
    }

    /** What the ledger at the path holds; empty ids when there is no ledger there. */
    public static Contents read(Path path) {
        if (!Files.exists(path)) {
            return new Contents(Set.of(), 0, HexFormat.of().formatHex(sha256().digest()), Optional.empty());
        }
        try {
            byte[] bytes = Files.readAllBytes(path);
            String text = new String(bytes, StandardCharsets.UTF_8);
            int end = text.lastIndexOf('\n') + 1;
            MessageDigest digest = sha256();
            digest.update(text.substring(0, end).getBytes(StandardCharsets.UTF_8));
            Set<String> ids = new LinkedHashSet<>();
            long lines = 0;
            for (String line : text.substring(0, end).split("\n")) {
                if (!line.isEmpty() && !line.startsWith(HEADER_START)) {
                    ids.add(line);
                    lines++;
                }
            }
            String torn = text.substring(end);
            return new Contents(ids, lines, HexFormat.of().formatHex(digest.digest()),
                    torn.isEmpty() ? Optional.empty() : Optional.of(torn));
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

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
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
