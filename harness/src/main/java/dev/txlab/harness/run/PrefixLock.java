package dev.txlab.harness.run;

import dev.txlab.domain.service.ServiceName;
import dev.txlab.harness.store.DatabaseLocation;
import dev.txlab.harness.store.StoreConfig;
import dev.txlab.harness.store.StoreKind;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One process at a time works on a prefix: a run, a recovery, an audit or a comparison holds this
 * lock for as long as it works on the prefix's data. It is held twice: a lock file in the prefix's
 * folder (the operating system releases it when the process dies, so a killed run never blocks the
 * next command) and, on each database server the prefix uses, a lock of the session that holds it
 * (PostgreSQL's advisory lock, MariaDB's {@code GET_LOCK}), so two machines sharing a server are
 * kept apart too. Within one process the lock is re-entrant: a run's own audit, a recovery that
 * redoes a setup, a comparison's runs take it again.
 */
public final class PrefixLock implements AutoCloseable {
    static final String FILE_NAME = "prefix.lock";
    /** How long a server lock is tried again: a killed holder's session takes a moment to end. */
    private static final Duration SERVER_RETRY = Duration.ofSeconds(3);
    private static final Duration RETRY_PAUSE = Duration.ofMillis(100);
    /**
     * The locks this process holds, by lock file, with how many holders share each. Static on purpose:
     * the locks it mirrors belong to the process (the OS's file lock, the server's session lock).
     */
    private static final Map<Path, Held> HELD = new HashMap<>();

    private final Path file;

    /** What this process holds for one prefix: the file lock and one session per server. */
    private record Held(FileChannel channel, FileLock fileLock, List<ServerLock> servers, int holders) {
        Held again() {
            return new Held(channel, fileLock, servers, holders + 1);
        }

        Held once() {
            return new Held(channel, fileLock, servers, holders - 1);
        }
    }

    private PrefixLock(Path file) {
        this.file = file;
    }

    /**
     * Takes the prefix's lock for {@code purpose} (run, recover, audit, compare), or stops with one
     * line naming the process that holds it.
     *
     * @throws PrefixInUseException when another process holds it
     */
    public static PrefixLock acquire(StoreConfig config, String purpose) {
        Path file = config.runDir().resolve(FILE_NAME).toAbsolutePath();
        synchronized (HELD) {
            Held held = HELD.get(file);
            if (held != null) {
                HELD.put(file, held.again());
                return new PrefixLock(file);
            }
            HELD.put(file, lock(config, file, purpose));
            return new PrefixLock(file);
        }
    }

    private static Held lock(StoreConfig config, Path file, String purpose) {
        String holder = Holder.describe(purpose);
        FileChannel channel = null;
        List<ServerLock> servers = new ArrayList<>();
        try {
            Files.createDirectories(file.getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock fileLock = channel.tryLock();
            if (fileLock == null) {
                throw new PrefixInUseException("prefix '" + config.prefix() + "' is in use by " + holderOf(file)
                        + " (lock file " + file + "); wait for it to end, or use another --db-prefix or --data-dir");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((holder + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            for (Map.Entry<StoreKind, DatabaseLocation> server : servers(config).entrySet()) {
                servers.add(ServerLock.take(config, server.getValue(), holder, SERVER_RETRY, RETRY_PAUSE));
            }
            return new Held(channel, fileLock, servers, 1);
        } catch (IOException e) {
            closeQuietly(servers, channel);
            throw new UncheckedIOException("cannot lock " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(servers, channel);
            throw e;
        }
    }

    /** One location per database server the prefix uses (any of its databases there). */
    private static Map<StoreKind, DatabaseLocation> servers(StoreConfig config) {
        Map<StoreKind, DatabaseLocation> servers = new EnumMap<>(StoreKind.class);
        for (ServiceName service : ServiceName.values()) {
            DatabaseLocation location = config.location(service);
            if (location.kind().isServer()) {
                servers.putIfAbsent(location.kind(), location);
            }
        }
        return servers;
    }

    private static String holderOf(Path file) {
        try {
            String line = Files.readString(file, StandardCharsets.UTF_8).strip();
            return line.isEmpty() ? "another process (it has not written its name yet)" : line;
        } catch (IOException e) {
            return "another process";
        }
    }

    @Override
    public void close() {
        synchronized (HELD) {
            Held held = HELD.get(file);
            if (held == null) {
                return;
            }
            if (held.holders() > 1) {
                HELD.put(file, held.once());
                return;
            }
            HELD.remove(file);
            closeQuietly(held.servers(), held.channel());
        }
    }

    private static void closeQuietly(List<ServerLock> servers, FileChannel channel) {
        servers.forEach(ServerLock::close);
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // the lock goes with the channel either way
            }
        }
    }

    /** Who holds a lock: purpose, host, process id and its start, in one line. */
    static final class Holder {
        private Holder() {
        }

        static String describe(String purpose) {
            ProcessHandle self = ProcessHandle.current();
            String started = self.info().startInstant().map(Instant::toString).orElse("unknown");
            return "txlab " + purpose + " on host " + host() + ", pid " + self.pid() + ", started " + started;
        }

        private static String host() {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                return "unknown";
            }
        }
    }
}
