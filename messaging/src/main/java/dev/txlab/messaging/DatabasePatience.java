package dev.txlab.messaging;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * A consumer's patience with its own database: while the database is unreachable (a lost or
 * refused connection, SQLState class 08), the message is not poison, so the consumer waits and tries
 * again, up to {@link #PATIENCE}, instead of spending the transport's few redeliveries (which would
 * dead-letter a good message after a one-second outage). Any other failure is thrown at once.
 */
public final class DatabasePatience {
    public static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final long FIRST_PAUSE_NANOS = Duration.ofMillis(50).toNanos();
    private static final long MAX_PAUSE_NANOS = Duration.ofSeconds(1).toNanos();

    private DatabasePatience() {
    }

    /** Work on the database that may fail. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws SQLException;
    }

    /** Runs the work, again after a growing pause while the database is unreachable, for at most {@link #PATIENCE}. */
    public static <T> T whileUnreachable(Work<T> work) throws SQLException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        long pause = FIRST_PAUSE_NANOS;
        while (true) {
            try {
                return work.run();
            } catch (SQLException e) {
                if (!isUnreachable(e) || System.nanoTime() + pause > deadline) {
                    throw e;
                }
                LockSupport.parkNanos(pause);
                pause = Math.min(pause * 2, MAX_PAUSE_NANOS);
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
