package dev.txlab.messaging.inbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * What a service does for one delivered message, split at the commit: {@link #apply} runs in the
 * consumer's local transaction, after the inbox row (the state change and the outbox rows it sends)
 * and returns what the commit decides; {@link #committed} runs once that transaction committed (the
 * completion, the trace). {@code apply} may run more than once (a batch rolled back and redone), so
 * it returns its result instead of keeping it.
 *
 * @param <R> what the transaction's work decided
 */
public interface InboxStep<R> {
    R apply(Connection connection) throws SQLException;

    void committed(R result);

    /**
     * The key of the state this step writes that other orders' steps contend for (payments: the
     * customer's account), or empty. A batch whose steps all have one applies them in key order, so
     * two batches never wait for each other in a cycle: H2 detects no cycle of waits on a unique key
     * another open transaction inserted (an event-sourced account's next version), and each side
     * would spin until its lock timeout.
     */
    default Optional<String> lockKey() {
        return Optional.empty();
    }
}
