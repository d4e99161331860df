package dev.txlab.harness.placement;

import dev.txlab.harness.retry.RetryPolicy;
import dev.txlab.harness.store.StoreConfig;

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
    /** 5 attempts, a random pause below 4 ms doubling to 20 ms between them. */
    public static final RetryPolicy POLICY = new RetryPolicy(5, Duration.ofMillis(4), Duration.ofMillis(20));

    private final RetryPolicy policy;

    public ConcurrencyRetry(RetryPolicy policy) {
        this.policy = policy;
    }

    public static ConcurrencyRetry ofDefaults() {
        return new ConcurrencyRetry(POLICY);
    }

    public RetryPolicy policy() {
        return policy;
    }

    /** The longest a transaction with its retries can take: every attempt waiting out the lock timeout. */
    public Duration worstCase() {
        return policy.worstCase(Duration.ofMillis(StoreConfig.LOCK_TIMEOUT_MS));
    }

    /**
     * Runs the transaction until it succeeds, fails for another reason (rethrown), or has failed on
     * concurrency as many times as the policy allows (then empty). Each pause is random below the
     * policy's delay, so that the transactions that collided do not collide again.
     */
    public <T> Optional<T> run(Transaction<T> transaction) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                return Optional.of(transaction.run());
            } catch (SQLException e) {
                if (!isConcurrencyFailure(e)) {
                    throw e;
                }
                if (!policy.retriesAfter(attempt)) {
                    return Optional.empty();
                }
                long bound = Math.max(1, policy.delay(attempt).toNanos());
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
