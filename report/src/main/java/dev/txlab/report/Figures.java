package dev.txlab.report;

import dev.txlab.load.LatencySummary;
import dev.txlab.load.SustainableRate;
import dev.txlab.report.ImplementationResult.LoadPoint;
import dev.txlab.report.ImplementationResult.ThroughputPoint;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The report's figures in words, shared by the HTML, the Markdown and the terminal: each says its
 * unit, how many runs or orders it rests on, and its spread.
 */
public final class Figures {
    public static final String BASELINE = "local-baseline";
    /** The label of the open-loop point at the common load (as the compare writes it). */
    public static final String COMMON_LOAD = "common load";
    private static final String OWN_MAX = "of own max";

    private Figures() {
    }

    public static String throughput(ThroughputPoint point) {
        return String.format(Locale.ROOT, "%.1f ± %.1f orders/s (%d callers, %d iterations)", point.mean(),
                point.stdDev(), point.threads(), point.iterations().size());
    }

    /**
     * Closed-loop throughput at the best level with its 95 % bootstrap interval within one run, and
     * its ratio to local-baseline's with that ratio's interval, e.g. "612.3 orders/s [598.1-625.0]
     * (64 callers, 10 iterations); 0.70x local-baseline [0.65-0.75, 10 iterations]".
     */
    public static String closedLoop(ImplementationResult result, List<ImplementationResult> peers) {
        return result.maxThroughput().map(best -> String.format(Locale.ROOT, "%.1f orders/s", best.mean())
                + Bootstrap.mean(best.iterations()).map(i -> String.format(Locale.ROOT, " [%.1f-%.1f]", i.low(),
                i.high())).orElse(" [no interval]")
                + String.format(Locale.ROOT, " (%d callers, %d iterations)", best.threads(), best.iterations().size())
                + baseline(result, peers).filter(floor -> floor != result).flatMap(floor -> ThroughputRatio.of(result,
                floor)).map(ratio -> "; " + ratio.describe() + " " + BASELINE).orElse(""))
                .orElse("-");
    }

    /** local-baseline's passing result among {@code peers} at the same network as {@code result}. */
    static Optional<ImplementationResult> baseline(ImplementationResult result, List<ImplementationResult> peers) {
        return peers.stream().filter(peer -> peer.implementation().equals(BASELINE)
                && peer.network().equals(result.network())).filter(ImplementationResult::passed).findFirst();
    }

    public static String latency(LatencySummary latency) {
        if (latency == null || latency.count() == 0) {
            return "no samples";
        }
        return String.format(Locale.ROOT, "p50 %s / p99 %s ms (n=%d)", millis(latency.p50()), millis(latency.p99()),
                latency.count());
    }

    /** The load at which latency is quoted: the first open-loop point (the common load when there is one). */
    public static Optional<LoadPoint> statedLoad(ImplementationResult result) {
        return result.load().stream().findFirst();
    }

    /** The open-loop point at the common load, the same offered rate for every implementation. */
    public static Optional<LoadPoint> commonLoad(ImplementationResult result) {
        return result.load().stream().filter(point -> point.label().equals(COMMON_LOAD)).findFirst();
    }

    /** The first open-loop point at a fraction of the implementation's own max. */
    public static Optional<LoadPoint> ownLoad(ImplementationResult result) {
        return result.load().stream().filter(point -> point.label().endsWith(OWN_MAX)).findFirst();
    }

    /** The label of the open-loop point at a fraction of an implementation's own max, e.g. "70 % of own max". */
    public static String ownMaxLabel(double fraction) {
        return String.format(Locale.ROOT, "%.0f %% %s", 100 * fraction, OWN_MAX);
    }

    /** An outcome latency at its load, e.g. "p50 4.10 / p99 12.5 ms (n=1500) at 150.0 orders/s offered". */
    public static String latencyAt(LoadPoint point) {
        return latency(point.outcome()) + " at " + load(point);
    }

    /**
     * The max sustainable rate with how it was found, e.g. "612 orders/s (4 probes of 5 s, held for 15 s (2
     * tries), 64 workers; 680 not sustained over 15 s: ...)"; "..., estimated: none of 3 holds ..." when
     * no hold held; "none of N rates tried sustained" when none did, "not searched" when the search did
     * not run.
     */
    public static String maxRate(ImplementationResult result) {
        ImplementationResult.MaxRate max = result.maxRate();
        if (max == null) {
            return "not searched";
        }
        String quick = max.quick() ? "quick, not the max sustainable rate: " : "";
        if (max.rate() <= 0) {
            return String.format(Locale.ROOT, "%snone of %d rates tried sustained (%s)", quick, max.probes().size(),
                    max.probes().isEmpty() ? "" : max.probes().get(max.probes().size() - 1).verdict());
        }
        long held = max.probes().stream().filter(probe -> probe.windowSeconds() > max.windowSeconds()).count();
        String searched = String.format(Locale.ROOT, "%d probes of %s", max.probes().size() - held,
                seconds(max.windowSeconds()));
        if (max.estimated()) {
            SustainableRate.Probe last = max.probes().get(max.probes().size() - 1);
            return String.format(Locale.ROOT, "%s%.0f orders/s, estimated: none of %d holds of %s held (%s; the "
                            + "last, at %.0f, achieved %.0f: %s), %d workers", quick, max.rate(), held,
                    seconds(max.holdSeconds()), searched, last.offered(), last.achieved(), last.verdict(),
                    max.workers());
        }
        Optional<SustainableRate.Probe> nextUp = max.probes().stream().filter(probe -> !probe.sustained())
                .filter(probe -> probe.offered() > max.rate()).min(Comparator.comparingDouble(SustainableRate.Probe::offered));
        String bound = nextUp.map(probe -> String.format(Locale.ROOT, "; %.0f not sustained over %s: %s",
                probe.offered(), seconds(probe.windowSeconds()), probe.verdict())).orElse("; the highest rate tried");
        String holds = held == 0 ? "" : String.format(Locale.ROOT, ", held for %s (%d %s)", seconds(max.holdSeconds()),
                held, held == 1 ? "try" : "tries");
        return String.format(Locale.ROOT, "%s%.0f orders/s (%s%s, %d workers%s)", quick, max.rate(), searched, holds,
                max.workers(), bound);
    }

    /** Seconds in words, e.g. "5 s", "1.5 s". */
    public static String seconds(double seconds) {
        return String.format(Locale.ROOT, seconds == Math.rint(seconds) ? "%.0f s" : "%.1f s", seconds);
    }

    public static String load(LoadPoint point) {
        return String.format(Locale.ROOT, "%.1f orders/s offered, %.1f achieved%s", point.offered(), point.achieved(),
                point.saturated() ? ", SATURATED" : "");
    }

    /**
     * The CPU ceiling and the share of it the max throughput reached, e.g. "2,410 orders/s (CPU); 21 %
     * reached"; "not measured" without the primitives.
     */
    public static String ceiling(ImplementationResult result) {
        if (result.ceiling() == null) {
            return "not measured";
        }
        Ceiling ceiling = result.ceiling();
        String share = result.headlineRate().map(rate -> String.format(Locale.ROOT, "; %.0f %% reached",
                100 * ceiling.share(rate))).orElse("");
        return String.format(Locale.ROOT, "%,.0f orders/s (%s)%s", ceiling.ordersPerSecond(), ceiling.limitedBy(), share);
    }

    /** How forced writes are counted, for the report's readers. */
    public static final String FORCED_WRITES_METHOD = "Forced writes (fsync, fdatasync, sync_file_range, syncfs, "
            + "sync, msync) are counted by strace attached to txlab's JVM and to the local servers the run uses, in a "
            + "closed-loop window of their own after the search (strace slows what it traces, so that window is not "
            + "timed), per component by the file forced: H2 databases, TM logs (tm-...), the broker's journal "
            + "(broker-...), txlab's ledger of acknowledged orders (forced per acknowledgement under durability "
            + "power, alike for all), PostgreSQL's WAL, MariaDB's redo log, NATS's store.";

    /** Forced writes per order with their components, or why they were not counted. */
    public static String forcedWrites(ImplementationResult result) {
        return result.forcedWrites() == null ? "not counted" : result.forcedWrites().describe();
    }

    /** A primitive's rate and CPU cost, each mean ± sd over its windows, or why it was not measured. */
    public static String primitive(PrimitiveCost p) {
        if (p.notMeasured() != null) {
            return "not measured: " + p.notMeasured();
        }
        return String.format(Locale.ROOT, "%,.0f ± %,.0f operations/s, %.1f ± %.1f µs machine CPU per operation "
                + "(%d windows)", p.operationsPerSecond(), p.operationsPerSecondSd(), p.cpuMicros(), p.cpuMicrosSd(),
                p.windows());
    }

    /**
     * The headline rate (max sustainable, else closed-loop max) relative to local-baseline's at the
     * same network, or empty when either is missing.
     */
    public static Optional<Double> ratioToBaseline(ImplementationResult result, List<ImplementationResult> peers) {
        return baseline(result, peers).flatMap(ImplementationResult::headlineRate).filter(b -> b > 0)
                .flatMap(b -> result.headlineRate().map(own -> own / b));
    }

    /** Commits per order: local commits and XA branch commits. */
    public static double commits(ImplementationResult.Cost cost) {
        return cost.commits() + cost.xaCommits();
    }

    public static String millis(double value) {
        return String.format(Locale.ROOT, value < 10 ? "%.2f" : "%.1f", value);
    }

    /** The bytes written per order, or "not measured". */
    public static String bytesWritten(ImplementationResult result) {
        Double bytes = result.cost() == null ? null : result.cost().bytesWrittenPerOrder();
        return bytes == null ? "not measured" : String.format(Locale.ROOT, "%,.0f", bytes);
    }

    public static String perOrder(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** The implementation's name, with the callers' cap beside it when the servers capped them. */
    public static String implementation(ImplementationResult result) {
        return result.callersCapped() == null ? result.implementation()
                : result.implementation() + " (" + result.callersCapped() + ")";
    }

    public static String audit(ImplementationResult result) {
        if (result.error() != null) {
            return "FAILED to run: " + result.error();
        }
        return result.auditPassed() ? "passed (" + result.audit() + ")" : "FAILED: " + result.audit();
    }
}
