package dev.txlab.harness.run;

import dev.txlab.harness.placement.SubmitFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The submits of a run that failed for an infrastructure reason (never a business refusal or
 * REJECTED(CONCURRENCY): those are outcomes), counted by distinct cause in the order first seen.
 * The first failure of each cause is logged with its stack trace (the command's log file, not the
 * terminal); the others only counted.
 */
public final class SubmitFailures {
    private static final Logger LOG = LoggerFactory.getLogger(SubmitFailures.class);
    /** Causes kept apart; any further distinct cause is counted under {@link #OTHER_CAUSES}. */
    static final int MAX_CAUSES = 10;
    static final String OTHER_CAUSES = "(other causes)";
    /** How deep {@link #causeOf} looks, against a cycle of causes. */
    private static final int MAX_DEPTH = 32;

    private final Map<String, Integer> byCause = new LinkedHashMap<>();
    private int count;

    public synchronized void record(SubmitFailedException failure) {
        count++;
        String cause = causeOf(failure);
        String key = byCause.containsKey(cause) || byCause.size() < MAX_CAUSES ? cause : OTHER_CAUSES;
        if (byCause.merge(key, 1, Integer::sum) == 1) {
            LOG.warn("a submit failed: {}", cause, failure);
        }
    }

    public synchronized int count() {
        return count;
    }

    /** The cause of the first failure, in one line. */
    public synchronized Optional<String> firstCause() {
        return byCause.keySet().stream().findFirst();
    }

    /** How many failures each distinct cause had, first seen first. */
    public synchronized Map<String, Integer> byCause() {
        return new LinkedHashMap<>(byCause);
    }

    /**
     * One line for a failure: the innermost cause's type and the first line of its message, which
     * names the failing resource without the order id or transaction id of the outer messages. A
     * cause without a cause of its own that carries suppressed ones (a TM's rollback exception keeps
     * the participants' errors there) leads on to the first of them.
     */
    static String causeOf(Throwable failure) {
        Throwable root = failure;
        for (int depth = 0; depth < MAX_DEPTH; depth++) {
            Throwable next = root.getCause() != null ? root.getCause()
                    : root.getSuppressed().length > 0 ? root.getSuppressed()[0] : null;
            if (next == null || next == root) {
                break;
            }
            root = next;
        }
        String message = root.getMessage() == null ? "" : root.getMessage().strip().lines().findFirst().orElse("");
        return root.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }
}
