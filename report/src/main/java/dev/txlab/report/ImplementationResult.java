package dev.txlab.report;

import dev.txlab.harness.readmodel.ReadModelLag;
import dev.txlab.load.LatencySummary;
import dev.txlab.load.OverTime;
import dev.txlab.load.SustainableRate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One implementation measured at one network profile: maximum throughput per number of callers
 * (closed loop, several timed iterations), latency at fixed offered loads (open loop), cost per
 * order, outcome mix, one sample order's timeline, and the audit of the whole run. A run whose
 * audit failed, that could not run, or whose submits failed (it did not place its orders; the
 * {@code error} says so) did not {@link #passed()} and is shown as a failure, never plotted.
 * {@code callersCapped} says, when the servers allowed fewer callers than the sweep wanted, how many
 * were used and which setting capped them (null otherwise). {@code ceiling} is what the machine's
 * primitives allow it (null when they were not measured); {@code maxRate} the max sustainable rate
 * the open-loop search found (null when it did not run); {@code forcedWrites} the forced writes per order
 * (null when the sweep did not count them).
 */
public record ImplementationResult(String implementation, String network, String guarantee, boolean auditPassed,
                                   String audit, List<String> violations, String error,
                                   String terminationBound, List<ThroughputPoint> throughput,
                                   List<LoadPoint> load, Cost cost, Map<String, Long> outcomes,
                                   Timeline timeline, String networkAchieved, String callersCapped,
                                   Ceiling ceiling, MaxRate maxRate, ForcedWritesPerOrder forcedWrites) {

    public ImplementationResult {
        violations = List.copyOf(violations);
        throughput = List.copyOf(throughput);
        load = List.copyOf(load);
        outcomes = Map.copyOf(outcomes);
    }

    /** A run that could not be measured: shown as a failure, with the reason. */
    public static ImplementationResult failed(String implementation, String network, String guarantee, String error) {
        return new ImplementationResult(implementation, network, guarantee, false, "not audited: the run failed",
                List.of(), error, "", List.of(), List.of(), null, Map.of(), null, "", null, null, null, null);
    }

    /** Whether the run counts as a result: it ran, placed its orders and passed its audit. */
    public boolean passed() {
        return auditPassed && error == null;
    }

    /** This result with the ceiling the machine's primitives allow it. */
    public ImplementationResult withCeiling(Ceiling ceiling) {
        return new ImplementationResult(implementation, network, guarantee, auditPassed, audit, violations, error,
                terminationBound, throughput, load, cost, outcomes, timeline, networkAchieved, callersCapped, ceiling,
                maxRate, forcedWrites);
    }

    /**
     * This result with the second pass's open-loop points (the common load, fractions of its own max),
     * measured in a run of its own: its audit joins this one's, and a failure there fails the result;
     * the timeline becomes the one {@code sampled} there (kept when null).
     */
    public ImplementationResult withSecondPass(List<LoadPoint> points, Timeline sampled, boolean passAudited,
                                               String passAudit, List<String> passViolations, String passError) {
        List<String> allViolations = new ArrayList<>(violations);
        allViolations.addAll(passViolations);
        String combinedError = error != null ? error : passError == null ? null : "second pass: " + passError;
        return new ImplementationResult(implementation, network, guarantee, auditPassed && passAudited,
                audit + "; second pass: " + passAudit, allViolations, combinedError, terminationBound, throughput,
                points, cost, outcomes, sampled == null ? timeline : sampled, networkAchieved, callersCapped, ceiling,
                maxRate, forcedWrites);
    }

    /**
     * The rate the answer quotes: the max sustainable rate when the search found one, else the
     * highest closed-loop mean throughput; empty when neither was measured.
     */
    public Optional<Double> headlineRate() {
        if (maxRate != null && maxRate.rate() > 0) {
            return Optional.of(maxRate.rate());
        }
        return maxThroughput().map(ThroughputPoint::mean);
    }

    /**
     * The ladder's best level: the one timed longest (a sweep times the level that gave the most on to
     * its {@code bestIterations}), of those the highest mean; empty when none was measured.
     */
    public Optional<ThroughputPoint> maxThroughput() {
        return throughput.stream().max(Comparator.comparingInt((ThroughputPoint p) -> p.iterations().size())
                .thenComparingDouble(ThroughputPoint::mean));
    }

    /**
     * Closed-loop throughput at {@code threads} callers: one value per timed iteration (orders/s),
     * their mean and sample standard deviation, and the latencies seen over all iterations.
     */
    public record ThroughputPoint(int threads, List<Double> iterations, double iterationSeconds, double mean,
                                  double stdDev, LatencySummary outcome, LatencySummary ack) {
        public ThroughputPoint {
            iterations = List.copyOf(iterations);
        }
    }

    /**
     * Open-loop latency at a fixed arrival rate (orders/s offered), measured from each order's
     * intended start; achieved = outcomes per second; saturated = the loop fell behind and stopped;
     * {@code label} says which load it is ("common load", "70 % of own max"); {@code perSecond}: the
     * outcomes second by second (empty in results written before they were kept); {@code readModelLag}:
     * the read models' lag over the phase (event-sourced orders; null under the state model).
     */
    public record LoadPoint(String label, double offered, double achieved, double seconds, int workers,
                            boolean saturated, int completed, int unfinished, LatencySummary outcome,
                            LatencySummary ack, List<OverTime.Second> perSecond, ReadModelLag.Summary readModelLag) {
        public LoadPoint {
            perSecond = perSecond == null ? List.of() : List.copyOf(perSecond);
        }

        /** A load point without read models (the state model). */
        public LoadPoint(String label, double offered, double achieved, double seconds, int workers,
                         boolean saturated, int completed, int unfinished, LatencySummary outcome,
                         LatencySummary ack, List<OverTime.Second> perSecond) {
            this(label, offered, achieved, seconds, workers, saturated, completed, unfinished, outcome, ack,
                    perSecond, null);
        }
    }

    /**
     * The max sustainable rate (orders/s; 0 when no rate tried was sustained) found by an open-loop
     * search in windows of {@code windowSeconds} with {@code workers} workers, then held for
     * {@code holdSeconds} (0: not held; {@code estimated}: no hold held, the rate is a step below what
     * the last achieved), every probe in the order tried, and whether the sweep was a quick one (whose short windows do not make it the
     * max sustainable rate).
     */
    public record MaxRate(double rate, double windowSeconds, double holdSeconds, boolean estimated, int workers,
                          boolean quick,
                          List<SustainableRate.Probe> probes) {
        public MaxRate {
            probes = List.copyOf(probes);
        }
    }

    /**
     * Mean cost per order over the orders measured, counted at the JDBC and transport decorator points
     * (forced writes are counted apart: {@link ForcedWritesPerOrder}), and the bytes the databases wrote
     * per order with how they were read ({@code bytesWrittenPerOrder} null when not measured).
     */
    public record Cost(long orders, double roundTrips, double statements, double commits, double rollbacks,
                       double connectionChecks, double xaPrepares, double xaCommits, double xaOther, double messagesPublished,
                       double messagesDelivered, Double bytesWrittenPerOrder, String bytesWrittenHow) {

        /** A cost whose bytes written were not measured. */
        public Cost(long orders, double roundTrips, double statements, double commits, double rollbacks,
                    double connectionChecks, double xaPrepares, double xaCommits, double xaOther,
                    double messagesPublished, double messagesDelivered) {
            this(orders, roundTrips, statements, commits, rollbacks, connectionChecks, xaPrepares, xaCommits, xaOther,
                    messagesPublished, messagesDelivered, null, null);
        }
    }

    /**
     * One sample order's steps, each service on its own lane, times in microseconds from the first
     * step's start; {@code sampledIn}: the phase it was sampled in (null in results written before it was said).
     */
    public record Timeline(String orderId, List<Step> steps, String sampledIn) {
        public Timeline {
            steps = List.copyOf(steps);
        }

        public record Step(String service, String step, long startMicros, long endMicros) {
        }
    }
}
