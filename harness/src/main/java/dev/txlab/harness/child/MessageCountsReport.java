package dev.txlab.harness.child;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.txlab.harness.cost.MessageCounts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A child JVM that may halt tells its parent its run's message counts as it goes: one line after
 * {@link #MARKER} every {@link #EVERY} on standard output, so what was counted before a halt (the
 * faults that fired, the consumers' batches) outlives the process. The parent reads the last line.
 */
public final class MessageCountsReport implements AutoCloseable {
    public static final String MARKER = "TXLAB-COUNTS ";
    static final Duration EVERY = Duration.ofMillis(100);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ScheduledExecutorService reporter;
    private final Supplier<MessageCounts> counts;

    private MessageCountsReport(Supplier<MessageCounts> counts) {
        this.counts = counts;
        this.reporter = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "txlab-counts");
            thread.setDaemon(true);
            return thread;
        });
        reporter.scheduleAtFixedRate(this::print, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Prints the counts every {@link #EVERY} from now on, and once more when closed. */
    public static MessageCountsReport start(Supplier<MessageCounts> counts) {
        return new MessageCountsReport(counts);
    }

    @Override
    public void close() {
        reporter.shutdownNow();
        print();
    }

    private synchronized void print() {
        try {
            System.out.println(MARKER + JSON.writeValueAsString(counts.get()));
            System.out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The last counts a child printed whole (a halt may cut its last line short); none when it
     * printed none.
     */
    public static MessageCounts last(String stdout) {
        return stdout.lines().filter(line -> line.startsWith(MARKER) && line.endsWith("}")).reduce((first, second) -> second).map(line -> {
            try {
                return JSON.readValue(line.substring(MARKER.length()), MessageCounts.class);
            } catch (IOException e) {
                throw new IllegalStateException("unreadable message counts from a child JVM: " + line, e);
            }
        }).orElse(MessageCounts.NONE);
    }
}
