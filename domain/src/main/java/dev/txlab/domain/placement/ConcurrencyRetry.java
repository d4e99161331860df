package dev.txlab.domain.placement;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * Bounded retry of a transaction that failed on a deadlock or lock timeout. When the attempts are
 * spent, the caller rejects the order with REJECTED(CONCURRENCY).
 */
public final class ConcurrencyRetry {
    public static final int DEFAULT_ATTEMPTS = 5;
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofMillis(20);

    private final int attempts;
    private final Duration maxBackoff;

    public ConcurrencyRetry(int attempts, Duration maxBackoff) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
        }
        this.attempts = attempts;
        this.maxBackoff = maxBackoff;
    }

    public static ConcurrencyRetry ofDefaults() {
        return new ConcurrencyRetry(DEFAULT_ATTEMPTS, DEFAULT_MAX_BACKOFF);
    }

    public int attempts() {
        return attempts;
    }

    public Duration maxBackoff() {
        return maxBackoff;
    }

    /**
     * Runs the transaction until it succeeds, fails for another reason (rethrown), or has failed on
     * concurrency {@code attempts} times (then empty).
     */
    public <T> Optional<T> run(Transaction<T> transaction) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                return Optional.of(transaction.run());
            } catch (SQLException e) {
                if (!isConcurrencyFailure(e)) {
                    throw e;
                }
                if (attempt == attempts) {
                    return Optional.empty();
                }
                long bound = Math.max(1, maxBackoff.toNanos() * attempt / attempts);
                LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(bound));
            }
        }
    }

    /** True for a deadlock or lock timeout on H2, PostgreSQL or MariaDB, anywhere in the cause chain. */
    public static boolean isConcurrencyFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if (isConcurrencyCode(next)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean isConcurrencyCode(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return state.startsWith("40")          // serialization failure, deadlock (all three)
                || state.equals("55P03")       // PostgreSQL lock_not_available (lock_timeout)
                || state.equals("HYT00")       // H2 lock timeout
                || e.getErrorCode() == 1205    // MariaDB lock wait timeout
                || e.getErrorCode() == 1213;   // MariaDB deadlock
    }

    /** One transaction attempt. */
    @FunctionalInterface
    public interface Transaction<T> {
        T run() throws SQLException;
    }
}
