package dev.txlab.messaging.artemis;

import dev.txlab.harness.store.Durability;
import dev.txlab.messaging.Backlog;
import dev.txlab.messaging.spi.Transport;
import org.apache.activemq.artemis.core.postoffice.impl.LocalQueueBinding;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads what the embedded broker's journal still holds, by starting the broker on it without
 * consumers and counting each queue's messages. A journal whose lock a running process holds is
 * not touched (a second broker would wait for that lock for ever).
 */
public final class ArtemisBacklog {
    private static final String BROKER = "embedded Artemis";
    /** The primary's lock, which a running broker holds (Artemis keeps one file per lock: serverlock.1, .2). */
    private static final String PRIMARY_LOCK_FILE = "serverlock.1";

    private ArtemisBacklog() {
    }

    /** The backlog of the journal under {@code dir} (the run's broker directory). */
    public static Backlog inspect(Path dir, Durability durability) {
        if (durability == Durability.NONE) {
            return Backlog.of(BROKER, Map.of(), 0);
        }
        Path journal = dir.resolve(ArtemisTransport.JOURNAL);
        if (!Files.isDirectory(journal)) {
            return notInspected("it has no journal at " + journal + " (was the run given --transport nats?)");
        }
        Optional<String> locked = lockHolder(journal.resolve(PRIMARY_LOCK_FILE));
        if (locked.isPresent()) {
            return notInspected(locked.get() + "; the databases alone were audited");
        }
        EmbeddedActiveMQ server = new EmbeddedActiveMQ();
        try {
            server.setConfiguration(ArtemisTransport.configuration(dir, durability, ArtemisTransport.inVmUrl()));
            server.start();
            return counted(server);
        } catch (Exception e) {
            return notInspected("its journal " + journal + " could not be read: " + e.getMessage());
        } finally {
            stopQuietly(server);
        }
    }

    private static Backlog counted(EmbeddedActiveMQ server) {
        Map<String, Long> unacknowledged = new HashMap<>();
        long deadLetters = 0;
        List<Queue> queues = server.getActiveMQServer().getPostOffice().getAllBindings()
                .filter(LocalQueueBinding.class::isInstance).map(binding -> ((LocalQueueBinding) binding).getQueue())
                .toList();
        for (Queue queue : queues) {
            if (Transport.isDeadLetterDestination(queue.getAddress().toString())) {
                deadLetters += queue.getMessageCount();
            } else {
                unacknowledged.put(queue.getAddress() + "::" + group(queue), queue.getMessageCount());
            }
        }
        return Backlog.of(BROKER, unacknowledged, deadLetters);
    }

    /** The consumer group of a queue named {@code destination|group}. */
    private static String group(Queue queue) {
        String name = queue.getName().toString();
        int bar = name.lastIndexOf('|');
        return bar < 0 ? name : name.substring(bar + 1);
    }

    /** Why the journal's primary lock cannot be taken (a running broker holds it), or empty when it is free. */
    private static Optional<String> lockHolder(Path lock) {
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock held = channel.tryLock();
            if (held == null) {
                return Optional.of("a running process holds its journal's lock " + lock + " (is the run still going?)");
            }
            held.release();
            return Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (OverlappingFileLockException e) {
            return Optional.of("this process runs a broker on its journal");
        } catch (IOException e) {
            return Optional.of("its journal's lock " + lock + " cannot be opened: " + e.getMessage());
        }
    }

    private static Backlog notInspected(String why) {
        return Backlog.notInspected(BROKER, why);
    }

    private static void stopQuietly(EmbeddedActiveMQ server) {
        try {
            server.stop();
        } catch (Exception e) {
            // the broker did not start or is gone either way
        }
    }
}
