package dev.txlab.harness.retry;

import java.time.Duration;
import java.util.Objects;

/**
 * A bounded retry: at most {@code maxAttempts} attempts, and before each retry a pause that starts at
 * {@code firstDelay} and doubles up to {@code maxDelay}. Its worst case, what the attempts can take
 * in all, is what a termination bound adds up. One type for every retry of the testbed: a
 * transaction that met a deadlock ({@code ConcurrencyRetry}), a consumer waiting out its unreachable
 * database ({@code DatabasePatience}), a broker redelivering a message whose handler failed.
 */
public record RetryPolicy(int maxAttempts, Duration firstDelay, Duration maxDelay) {
    public RetryPolicy {
        Objects.requireNonNull(firstDelay, "firstDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (maxAttempts < 1 || firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("a retry needs at least 1 attempt and 0 <= first delay <= max delay, "
                    + "were " + maxAttempts + ", " + firstDelay + " and " + maxDelay);
        }
    }

    /** The pause after the {@code failedAttempts}-th failed attempt (1 for the first): doubled each time, capped. */
    public Duration delay(int failedAttempts) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("the first failed attempt is 1, was " + failedAttempts);
        }
        Duration delay = firstDelay.multipliedBy(1L << Math.min(failedAttempts - 1, 30));
        return delay.compareTo(maxDelay) > 0 || delay.isNegative() ? maxDelay : delay;
    }

    /** Whether another attempt follows the {@code failedAttempts}-th failed one. */
    public boolean retriesAfter(int failedAttempts) {
        return failedAttempts < maxAttempts;
    }

    /** The longest the attempts can take in all: each attempt at its longest, and every pause between them. */
    public Duration worstCase(Duration longestAttempt) {
        Duration total = longestAttempt.multipliedBy(maxAttempts);
        for (int failed = 1; failed < maxAttempts; failed++) {
            total = total.plus(delay(failed));
        }
        return total;
    }

    /**
     * A policy that keeps trying for about {@code patience}: as many attempts as its pauses need to add
     * up to it.
     */
    public static RetryPolicy forAbout(Duration patience, Duration firstDelay, Duration maxDelay) {
        if (firstDelay.isZero() || firstDelay.isNegative()) {
            throw new IllegalArgumentException("a policy bounded by its patience needs a first delay > 0, was "
                    + firstDelay);
        }
        int attempts = 1;
        Duration paused = Duration.ZERO;
        RetryPolicy unbounded = new RetryPolicy(Integer.MAX_VALUE, firstDelay, maxDelay);
        while (paused.compareTo(patience) < 0) {
            paused = paused.plus(unbounded.delay(attempts));
            attempts++;
        }
        return new RetryPolicy(attempts, firstDelay, maxDelay);
    }
}
