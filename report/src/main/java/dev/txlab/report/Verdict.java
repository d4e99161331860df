package dev.txlab.report;

import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.report.ImplementationResult.LoadPoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The verdict above the answer table: sentences generated from one network's results, never
 * written by hand. A sentence per implementation (its guarantee, its cost against the floor, its
 * latency at the common load, messages and commits per order, what a crash leaves behind, what
 * readers saw), then one per XA-vs-saga pair stating the trade the numbers show, then the
 * thresholds the wording uses.
 */
final class Verdict {
    /** p99 latencies are "higher" or "lower" only beyond this factor; within it, "comparable". */
    static final double LATENCY_FACTOR = 1.2;

    private final List<ImplementationResult> passed;
    private final Function<String, String> leftBehind;
    private final Function<String, String> anomalies;

    /**
     * @param rows one network's results (failed runs are left out: they are not results)
     * @param leftBehind what a crash leaves behind, per implementation
     * @param anomalies what readers saw, per implementation
     */
    Verdict(List<ImplementationResult> rows, Function<String, String> leftBehind,
            Function<String, String> anomalies) {
        this.passed = rows.stream().filter(ImplementationResult::passed).toList();
        this.leftBehind = leftBehind;
        this.anomalies = anomalies;
    }

    /** One sentence per implementation that passed, the floor first when it did. */
    List<String> implementations() {
        Optional<ImplementationResult> floor = find(Figures.BASELINE);
        List<String> sentences = new ArrayList<>();
        for (ImplementationResult result : passed) {
            sentences.add(floor.filter(f -> f != result).map(f -> againstFloor(result, f))
                    .orElseGet(() -> asFloor(result)) + "; " + costAndEvidence(result) + ".");
        }
        return sentences;
    }

    /** One sentence per XA implementation and saga that both passed. */
    List<String> trades() {
        List<String> sentences = new ArrayList<>();
        for (ImplementationResult xa : of(ImplementationId.Coordination.XA)) {
            for (ImplementationResult saga : of(ImplementationId.Coordination.SAGA)) {
                sentences.add(trade(saga, xa));
            }
        }
        return sentences;
    }

    /** The thresholds the wording uses. */
    static String thresholds() {
        return String.format(Locale.ROOT, "How the verdict words it: throughput is closed-loop, at each one's best "
                + "number of callers; a ratio's [interval] is a 95 %% bootstrap interval (%,d resamples of the timed "
                + "iterations of each side) within one run: it does not cover the variation between runs. A "
                + "difference in throughput is significant when the interval of the pair's ratio excludes 1, and "
                + "otherwise called no significant difference. Outcome p99 at the common load is higher or lower "
                + "beyond a factor of %.1f, comparable within it.", Bootstrap.RESAMPLES, LATENCY_FACTOR);
    }

    private String asFloor(ImplementationResult floor) {
        return floor.implementation() + " (" + floor.guarantee() + ") is the floor: " + floor.maxThroughput()
                .map(best -> String.format(Locale.ROOT, "%.1f orders/s closed loop (%d callers)", best.mean(),
                        best.threads())).orElse("no closed-loop throughput");
    }

    private String againstFloor(ImplementationResult result, ImplementationResult floor) {
        return result.implementation() + " (" + result.guarantee() + "): "
                + ThroughputRatio.of(result, floor).map(r -> r.brief() + " the floor's throughput")
                .orElse("no throughput against the floor");
    }

    private String costAndEvidence(ImplementationResult result) {
        String latency = Figures.commonLoad(result).map(load -> String.format(Locale.ROOT, "p99 %s ms at the common "
                + "load (%.0f orders/s)", Figures.millis(load.outcome().p99()), load.offered()))
                .orElse("no latency at the common load");
        String cost = Optional.ofNullable(result.cost()).map(c -> String.format(Locale.ROOT, "%.2f messages, "
                + "%.2f commits per order", c.messagesPublished(), Figures.commits(c))).orElse("cost not counted");
        String crash = leftBehind.apply(result.implementation());
        String readers = anomalies.apply(result.implementation());
        String evidence = crash.equals(Evidence.NO_CRASH) && readers.equals(Evidence.NO_PROBE)
                ? "crash and readers not measured (no crash run, no isolation probe)"
                : crash + "; readers saw " + readers;
        return latency + "; " + cost + "; " + evidence;
    }

    private String trade(ImplementationResult saga, ImplementationResult xa) {
        Optional<ThroughputRatio> throughput = ThroughputRatio.of(saga, xa);
        String judged = throughput.map(r -> r.brief() + " its throughput, "
                + r.judgement()).orElse("throughput not comparable");
        String sagaReaders = anomalies.apply(saga.implementation());
        String xaReaders = anomalies.apply(xa.implementation());
        String readers = sagaReaders.equals(xaReaders) ? "readers saw, for both: " + sagaReaders
                : "readers saw " + sagaReaders + " against " + xaReaders;
        return saga.implementation() + " against " + xa.implementation() + ": " + judged + "; " + latencyTrade(saga, xa)
                + "; " + readers + ".";
    }

    private static String latencyTrade(ImplementationResult saga, ImplementationResult xa) {
        Optional<LoadPoint> sagaLoad = Figures.commonLoad(saga);
        Optional<LoadPoint> xaLoad = Figures.commonLoad(xa);
        if (sagaLoad.isEmpty() || xaLoad.isEmpty() || xaLoad.get().outcome().p99() <= 0) {
            return "latency not comparable";
        }
        double factor = sagaLoad.get().outcome().p99() / xaLoad.get().outcome().p99();
        String word = factor > LATENCY_FACTOR ? "higher" : factor < 1 / LATENCY_FACTOR ? "lower" : "comparable";
        return String.format(Locale.ROOT, "p99 at the common load %s ms against %s ms (%.2fx: %s)",
                Figures.millis(sagaLoad.get().outcome().p99()), Figures.millis(xaLoad.get().outcome().p99()), factor,
                word);
    }

    private List<ImplementationResult> of(ImplementationId.Coordination coordination) {
        return passed.stream().filter(r -> coordinationOf(r).filter(c -> c == coordination).isPresent()).toList();
    }

    private static Optional<ImplementationId.Coordination> coordinationOf(ImplementationResult result) {
        try {
            return Optional.of(ImplementationId.parse(result.implementation()).coordination());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Optional<ImplementationResult> find(String implementation) {
        return passed.stream().filter(r -> r.implementation().equals(implementation)).findFirst();
    }
}
