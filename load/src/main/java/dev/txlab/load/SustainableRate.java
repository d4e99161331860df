package dev.txlab.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The highest open-loop rate a system sustains, found by a short search. A rate is sustained when,
 * over the whole window: the loop never fell {@code maxLag} behind its schedule (not saturated), at
 * least {@link #KEEP_UP_SHARE} of the orders issued on the schedule reached their outcome no later
 * than {@code maxLag} after it ended ({@link KeepingUp}), the orders in flight (the fewest over a
 * short span, {@link LowestInFlight}) did not grow from the window's middle to its end by more than
 * the same 3 % of the orders offered in that half (at least {@link #GROWTH_FLOOR}: a few orders come and
 * go), and the outcome p99 stayed within {@link #P99_LIMIT_MILLIS}. The search starts at a first
 * try (the closed loop's best), goes up by half while the rate holds and down by half while it does
 * not, then halves the gap between the highest rate sustained and the lowest not, until they are
 * within {@link #PRECISION} of each other or the probes are spent. Last, the rate found must hold
 * over a longer window ({@link Plan#hold()}): a short window starts on small files with a warm JIT and
 * finds a rate that costs more a few seconds later (H2 compacting what it wrote, the collector
 * catching up), so each hold that fails steps down to the lower of its rate and what it achieved,
 * divided by {@link #PRECISION}, and the max is the first rate held; when none holds, the next step
 * down, marked estimated.
 */
public final class SustainableRate {
    public static final double KEEP_UP_SHARE = 0.97;
    public static final double P99_LIMIT_MILLIS = 1_000;
    public static final int GROWTH_FLOOR = 10;
    /** The search stops when the lowest rate not sustained is within 10 % above the highest sustained. */
    public static final double PRECISION = 1.10;

    private SustainableRate() {
    }

    /** One open-loop phase at a rate for a window. */
    @FunctionalInterface
    public interface Prober {
        LoadResult at(double ratePerSecond, Duration window) throws InterruptedException;
    }

    /**
     * How a search probes: at most {@code probes} windows of {@code window} to bracket the rate, then at
     * most {@code holds} windows of {@code hold}, longer than {@code window}, to confirm it (0 holds: the
     * bracket's rate is the max).
     */
    public record Plan(Duration window, int probes, Duration hold, int holds) {
        public Plan {
            if (probes < 1 || holds < 0 || window.isNegative() || window.isZero()
                    || (holds > 0 && hold.compareTo(window) <= 0)) {
                throw new IllegalArgumentException("a search needs at least one probe of a positive window, and "
                        + "holds longer than that window; was " + probes + " x " + window + " and " + holds + " x "
                        + hold);
            }
        }
    }

    /**
     * One rate tried, over how long a window, what it showed, and the verdict: "sustained", or which
     * condition failed.
     */
    public record Probe(double offered, double windowSeconds, double achieved, double completedShare,
                        int inFlightGrowth, double p99Millis, boolean saturated, boolean sustained, String verdict) {
    }

    /**
     * The max sustainable rate (0 when none of the probes sustained a rate) and every probe in the order
     * tried; {@code estimated} when no hold held: the rate is then the one a next hold would have tried
     * (a step below what the last one achieved), not shown to hold.
     */
    public record Found(double rate, boolean estimated, List<Probe> probes) {
        public Found {
            probes = List.copyOf(probes);
        }
    }

    public static Found search(Prober prober, double firstTry, Plan plan) throws InterruptedException {
        if (!(firstTry > 0)) {
            throw new IllegalArgumentException("a search starts above 0 orders/s, was " + firstTry + " orders/s");
        }
        List<Probe> probes = new ArrayList<>();
        double highestSustained = 0;
        double lowestNot = Double.POSITIVE_INFINITY;
        double rate = firstTry;
        for (int i = 0; i < plan.probes(); i++) {
            Probe probe = judge(prober.at(rate, plan.window()), plan.window());
            probes.add(probe);
            if (probe.sustained()) {
                highestSustained = Math.max(highestSustained, rate);
            } else {
                lowestNot = Math.min(lowestNot, rate);
            }
            if (highestSustained > 0 && lowestNot <= highestSustained * PRECISION) {
                break;
            }
            rate = Double.isInfinite(lowestNot) ? rate * 1.5
                    : highestSustained == 0 ? rate / 2 : Math.sqrt(highestSustained * lowestNot);
        }
        return held(prober, highestSustained, plan, probes);
    }

    /**
     * The first rate that holds over the longer window: the bracket's, then after each hold that fails
     * a step below the lower of its rate and what it achieved (a system that slowed over the hold
     * says by how much); when none holds, the step below the last, estimated.
     */
    private static Found held(Prober prober, double found, Plan plan, List<Probe> probes)
            throws InterruptedException {
        if (found <= 0 || plan.holds() == 0) {
            return new Found(found, false, probes);
        }
        double rate = found;
        for (int i = 0; i < plan.holds(); i++) {
            Probe probe = judge(prober.at(rate, plan.hold()), plan.hold());
            probes.add(probe);
            if (probe.sustained()) {
                return new Found(rate, false, probes);
            }
            rate = Math.min(rate, probe.achieved()) / PRECISION;
        }
        return new Found(rate, true, probes);
    }

    /** Whether one open-loop phase sustained its rate, and if not, why. */
    public static Probe judge(LoadResult result, Duration window) {
        KeepingUp keepingUp = result.keepingUp().orElseThrow(
                () -> new IllegalArgumentException("a closed loop has no schedule to keep up with"));
        double p99 = result.outcome().percentileMillis(99);
        int growthAllowed = Math.max(GROWTH_FLOOR, (int) Math.ceil(0.03 * keepingUp.issued() / 2));
        String verdict;
        if (result.saturated()) {
            verdict = "saturated: fell behind its schedule and stopped";
        } else if (keepingUp.completedShare() < KEEP_UP_SHARE) {
            verdict = String.format(Locale.ROOT, "%.1f %% of the orders reached an outcome in time (< %.0f %%)",
                    100 * keepingUp.completedShare(), 100 * KEEP_UP_SHARE);
        } else if (keepingUp.inFlightGrowth() > growthAllowed) {
            verdict = "orders in flight grew by " + keepingUp.inFlightGrowth() + " in the second half (> "
                    + growthAllowed + ")";
        } else if (p99 > P99_LIMIT_MILLIS) {
            verdict = String.format(Locale.ROOT, "outcome p99 %.0f ms (> %.0f ms)", p99, P99_LIMIT_MILLIS);
        } else {
            verdict = "sustained";
        }
        return new Probe(result.offeredPerSecond(), window.toMillis() / 1000.0, result.throughputPerSecond(),
                keepingUp.completedShare(), keepingUp.inFlightGrowth(), p99, result.saturated(),
                verdict.equals("sustained"), verdict);
    }
}
