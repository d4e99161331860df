package dev.txlab.harness.placement;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a saga service's consumer takes its deliveries: up to {@code size} deliveries of one
 * subscription handled in one local transaction (each delivery's effects commit entirely or not at
 * all), waiting up to {@code linger} for more once the first arrived. A linger of zero takes what is
 * queued and never waits. Size 1 is the naive runtime: a local transaction per message.
 *
 * @param size   the most deliveries handled in one local transaction (1 to {@link #MAX_SIZE})
 * @param linger how long a consumer waits for more deliveries once it has one (0 to {@link #MAX_LINGER})
 */
public record Batching(int size, Duration linger) {
    public static final int DEFAULT_SIZE = 32;
    public static final int MAX_SIZE = 1_000;
    public static final Duration MAX_LINGER = Duration.ofSeconds(1);
    /** Take what is queued, up to {@link #DEFAULT_SIZE}, never waiting for more. */
    public static final Batching DEFAULT = new Batching(DEFAULT_SIZE, Duration.ZERO);
    /** One local transaction per message. */
    public static final Batching NAIVE = new Batching(1, Duration.ZERO);
    private static final Pattern LINGER = Pattern.compile("(\\d+(?:\\.\\d+)?)(us|ms)?");

    public Batching {
        Objects.requireNonNull(linger, "linger");
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("a batch holds 1 to " + MAX_SIZE + " deliveries (1: one local "
                    + "transaction per message), was " + size);
        }
        if (linger.isNegative() || linger.compareTo(MAX_LINGER) > 0) {
            throw new IllegalArgumentException("a linger is 0 to " + MAX_LINGER.toMillis() + " ms (0: take what is"
                    + " queued, never wait for more), was " + linger.toNanos() / 1_000 + " us");
        }
        if (size == 1 && !linger.isZero()) {
            throw new IllegalArgumentException("a linger of " + linger.toNanos() / 1_000 + " us with batches of 1 would"
                    + " only delay each message; give --batch above 1, or no --linger");
        }
    }

    /** From the CLI's flags: a size, and a linger such as 0, 500us or 2ms. */
    public static Batching parse(int size, String linger) {
        Matcher duration = LINGER.matcher(linger.trim().toLowerCase(Locale.ROOT));
        if (!duration.matches()) {
            throw new IllegalArgumentException("unknown linger '" + linger + "'; expected 0 (take what is queued) or"
                    + " a duration such as 500us or 2ms");
        }
        double amount = Double.parseDouble(duration.group(1));
        String unit = duration.group(2) == null ? "" : duration.group(2);
        if (amount != 0 && unit.isEmpty()) {
            throw new IllegalArgumentException("a linger of " + linger + " needs a unit: us or ms (e.g. 2ms)");
        }
        long nanos = Math.round(amount * (unit.equals("us") ? 1_000 : 1_000_000));
        return new Batching(size, Duration.ofNanos(nanos));
    }

    /** Whether a consumer handles one message per local transaction. */
    public boolean naive() {
        return size == 1;
    }

    /** How a report names the setting, e.g. "batches of up to 32, no linger" or "batch 1 (naive)". */
    public String describe() {
        if (naive()) {
            return "batch 1 (a local transaction per message: the naive runtime)";
        }
        return "batches of up to " + size + " deliveries per local transaction, "
                + (linger.isZero() ? "no linger (what is queued)" : "linger " + linger.toNanos() / 1_000 + " us");
    }
}
