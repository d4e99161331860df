package dev.txlab.harness.placement;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * How an XA implementation's transaction manager keeps its log and when it presumes abort. Ignored
 * by implementations without a transaction manager.
 *
 * @param logStore            where the TM writes its log
 * @param presumedAbortAfter  how long a branch prepared without a logged decision waits before
 *                            recovery rolls it back (Narayana's orphan safety interval, Atomikos'
 *                            max timeout); the testbed keeps it short
 */
public record TmSettings(LogStore logStore, Duration presumedAbortAfter) {
    public static final Duration DEFAULT_PRESUMED_ABORT = Duration.ofSeconds(10);

    /** The TM log store: a file per transaction, or an append-only journal (Narayana's choice for speed). */
    public enum LogStore {
        FILE,
        JOURNAL;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static LogStore parse(String text) {
            for (LogStore store : values()) {
                if (store.id().equalsIgnoreCase(text.trim())) {
                    return store;
                }
            }
            throw new IllegalArgumentException("unknown TM store '" + text + "'; expected one of "
                    + Arrays.stream(values()).map(LogStore::id).collect(Collectors.joining(", ")));
        }
    }

    public TmSettings {
        Objects.requireNonNull(logStore, "logStore");
        if (presumedAbortAfter.isNegative() || presumedAbortAfter.isZero()) {
            throw new IllegalArgumentException("the presumed-abort timeout must be positive, was " + presumedAbortAfter);
        }
    }

    public static TmSettings ofDefaults() {
        return new TmSettings(LogStore.FILE, DEFAULT_PRESUMED_ABORT);
    }

    /** In words, e.g. "log store: file; a branch in doubt presumed aborted after 10 s". */
    public String describe() {
        return "log store: " + logStore.id() + "; a branch in doubt presumed aborted after "
                + presumedAbortAfter.toSeconds() + " s";
    }
}
