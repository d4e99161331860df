package dev.txlab.load;

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
 * within {@link #PRECISION} of each other or the probes are spent.
 */
public final class SustainableRate {
    public static final double KEEP_UP_SHARE = 0.97;
    public static final double P99_LIMIT_MILLIS = 1_000;
    public static final int GROWTH_FLOOR = 10;
    /** The search stops when the lowest rate not sustained is within 10 % above the highest sustained. */
    public static final double PRECISION = 1.10;

    private SustainableRate() {
    }

    /** One open-loop phase at a rate. */
    @FunctionalInterface
    public interface Prober {
        LoadResult at(double ratePerSecond) throws InterruptedException;
    }

    /** One rate tried, what it showed, and the verdict: "sustained", or which condition failed. */
    public record Probe(double offered, double achieved, double completedShare, int inFlightGrowth, double p99Millis,
                        boolean saturated, boolean sustained, String verdict) {
    }

    /** The highest rate sustained (0 when none of the probes was) and every probe in the order tried. */
    public record Found(double rate, List<Probe> probes) {
        public Found {
            probes = List.copyOf(probes);
        }
    }

    public static Found search(Prober prober, double firstTry, int maxProbes) throws InterruptedException {
        if (!(firstTry > 0) || maxProbes < 1) {
            throw new IllegalArgumentException("a search starts above 0 orders/s with at least one probe, was "
                    + firstTry + " orders/s and " + maxProbes + " probes");
        }
        List<Probe> probes = new ArrayList<>();
        double highestSustained = 0;
        double lowestNot = Double.POSITIVE_INFINITY;
        double rate = firstTry;
        for (int i = 0; i < maxProbes; i++) {
            Probe probe = judge(prober.at(rate));
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
        return new Found(highestSustained, probes);
    }

    /** Whether one open-loop phase sustained its rate, and if not, why. */
    public static Probe judge(LoadResult result) {
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
        return new Probe(result.offeredPerSecond(), result.throughputPerSecond(), keepingUp.completedShare(),
                keepingUp.inFlightGrowth(), p99, result.saturated(), verdict.equals("sustained"), verdict);
    }
}
