package dev.txlab.report;

import dev.txlab.load.LatencySummary;
import dev.txlab.report.ImplementationResult.LoadPoint;
import dev.txlab.report.ImplementationResult.ThroughputPoint;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The report's figures in words, shared by the HTML, the Markdown and the terminal: each says its
 * unit, how many runs or orders it rests on, and its spread.
 */
public final class Figures {
    public static final String BASELINE = "local-baseline";

    private Figures() {
    }

    public static String throughput(ThroughputPoint point) {
        return String.format(Locale.ROOT, "%.1f ± %.1f orders/s (%d callers, %d iterations)", point.mean(),
                point.stdDev(), point.threads(), point.iterations().size());
    }

    public static String latency(LatencySummary latency) {
        if (latency == null || latency.count() == 0) {
            return "no samples";
        }
        return String.format(Locale.ROOT, "p50 %s / p99 %s ms (n=%d)", millis(latency.p50()), millis(latency.p99()),
                latency.count());
    }

    /** The load at which latency is quoted: the first open-loop point (the sweep's stated load). */
    public static Optional<LoadPoint> statedLoad(ImplementationResult result) {
        return result.load().stream().findFirst();
    }

    public static String load(LoadPoint point) {
        return String.format(Locale.ROOT, "%.1f orders/s offered, %.1f achieved%s", point.offered(), point.achieved(),
                point.saturated() ? ", SATURATED" : "");
    }

    /** Throughput relative to local-baseline's at the same network, or empty when either is missing. */
    /**
     * The CPU ceiling and the share of it the max throughput reached, e.g. "2,410 orders/s (CPU); 21 %
     * reached"; "not measured" without the primitives.
     */
    public static String ceiling(ImplementationResult result) {
        if (result.ceiling() == null) {
            return "not measured";
        }
        Ceiling ceiling = result.ceiling();
        String share = result.maxThroughput().map(max -> String.format(Locale.ROOT, "; %.0f %% reached",
                100 * ceiling.share(max.mean()))).orElse("");
        return String.format(Locale.ROOT, "%,.0f orders/s (CPU)%s", ceiling.ordersPerSecond(), share);
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

    public static Optional<Double> ratioToBaseline(ImplementationResult result, List<ImplementationResult> peers) {
        Optional<Double> baseline = peers.stream()
                .filter(peer -> peer.implementation().equals(BASELINE) && peer.network().equals(result.network()))
                .filter(ImplementationResult::passed)
                .flatMap(peer -> peer.maxThroughput().stream()).map(ThroughputPoint::mean).findFirst();
        Optional<Double> own = result.maxThroughput().map(ThroughputPoint::mean);
        return baseline.filter(b -> b > 0).flatMap(b -> own.map(o -> o / b));
    }

    public static String millis(double value) {
        return String.format(Locale.ROOT, value < 10 ? "%.2f" : "%.1f", value);
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
