package dev.txlab.messaging;

import dev.txlab.harness.retry.RetryPolicy;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * A consumer's patience with its own database: while the database is unreachable (a lost or
 * refused connection, SQLState class 08), the message is not poison, so the consumer waits and tries
 * again ({@link #POLICY}: for about {@link #PATIENCE}), instead of spending the transport's few redeliveries (which would
 * dead-letter a good message after a one-second outage). Any other failure is thrown at once.
 */
public final class DatabasePatience {
    public static final Duration PATIENCE = Duration.ofSeconds(30);
    /** Tries again after 50 ms, doubling to 1 s, for about {@link #PATIENCE}. */
    public static final RetryPolicy POLICY = RetryPolicy.forAbout(PATIENCE, Duration.ofMillis(50), Duration.ofSeconds(1));

    private DatabasePatience() {
    }

    /** Work on the database that may fail. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws SQLException;
    }

    /** The longest a consumer waits out its unreachable database: the policy's pauses (the attempts fail fast). */
    public static Duration worstCase() {
        return POLICY.worstCase(Duration.ZERO);
    }

    /** Runs the work, again after the policy's pause while the database is unreachable, as long as the policy allows. */
    public static <T> T whileUnreachable(Work<T> work) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.run();
            } catch (SQLException e) {
                if (!isUnreachable(e) || !POLICY.retriesAfter(attempt)) {
                    throw e;
                }
                LockSupport.parkNanos(POLICY.delay(attempt).toNanos());
            }
        }
    }

    /** True when the database could not be reached: a connection exception anywhere in the cause chain. */
    static boolean isUnreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }
}
