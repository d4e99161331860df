package dev.txlab.cli.compare;

import dev.txlab.harness.audit.AuditReport;
import dev.txlab.harness.network.NetworkProfile;
import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.harness.placement.spi.PlacementProvider;
import dev.txlab.harness.readmodel.ReadModelLag;
import dev.txlab.harness.run.Preflight;
import dev.txlab.harness.run.Run;
import dev.txlab.harness.run.SubmitFailures;
import dev.txlab.harness.store.BytesWritten;
import dev.txlab.load.ClosedLoad;
import dev.txlab.load.LatencyStats;
import dev.txlab.load.LatencySummary;
import dev.txlab.load.LoadResult;
import dev.txlab.load.OpenLoad;
import dev.txlab.load.SustainableRate;
import dev.txlab.report.ForcedWritesPerOrder;
import dev.txlab.report.Guarantees;
import dev.txlab.report.ImplementationResult.LoadPoint;
import dev.txlab.report.ImplementationResult.MaxRate;
import dev.txlab.report.ImplementationResult.Timeline;
import dev.txlab.report.ImplementationResult.ThroughputPoint;
import dev.txlab.report.ImplementationResult;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Measures one implementation at one network profile. First pass, in one fresh, audited run: for
 * each number of callers a closed-loop warm-up and timed iterations (the best level timed on to the
 * plan's {@code bestIterations}), then the search for the max
 * sustainable rate from the closed loop's best, then forced writes per order counted in one more
 * closed-loop iteration ({@link ForcedWriteWindow}); then waits for quiescence and audits everything the
 * phases submitted. Second pass ({@link #atLoads}), in another fresh, audited run: open-loop phases
 * at given rates (the common load, fractions of its own max), each one's latencies also written as
 * HdrHistogram files ({@link LatencyFiles}).
 */
public final class ComparisonSweep {
    private static final int SHOWN_VIOLATIONS = 20;

    private final SweepPlan wanted;
    private final RunOptionsFactory options;
    private final SweepProgress progress;
    private final EnvironmentProbe environment;
    private final LatencyFiles latencyFiles;

    public ComparisonSweep(SweepPlan plan, RunOptionsFactory options, SweepProgress progress,
                           EnvironmentProbe environment, LatencyFiles latencyFiles) {
        this.wanted = plan;
        this.options = options;
        this.progress = progress;
        this.environment = environment;
        this.latencyFiles = latencyFiles;
    }

    /**
     * Measures and audits, with at most the callers the servers allow (the sweep's callers above that
     * are left out, and the result says which setting capped them); a run that fails is returned as
     * a failed result naming why, never thrown.
     */
    public ImplementationResult measure(ImplementationId id, NetworkProfile network) throws InterruptedException {
        CostTally tally = new CostTally();
        try {
            Preflight.CallerLimit limit = Preflight.of(options.options(id, network, wanted.maxCallers()).store(),
                    PlacementProvider.forId(id)).callerLimit(wanted.maxCallers());
            SweepPlan plan = limit.cappedBy().isPresent() && limit.callers() > 0 ? wanted.cappedAt(limit.callers())
                    : wanted;
            String capped = limit.cappedBy().filter(setting -> limit.callers() > 0)
                    .map(setting -> "at most " + limit.callers() + " callers, capped by " + setting).orElse(null);
            return measure(id, network, plan, capped, tally);
        } catch (SQLException | RuntimeException e) {
            progress.phase(id.id(), "failed");
            return ImplementationResult.failed(id.id(), network.name(), Guarantees.of(id),
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private ImplementationResult measure(ImplementationId id, NetworkProfile network, SweepPlan plan, String capped,
                                         CostTally tally) throws InterruptedException, SQLException {
        try (Run run = Run.prepare(options.options(id, network, plan.maxCallers()))) {
            environment.observe(run);
            BytesWritten bytesWritten = BytesWritten.from(run.stores());
            Map<Integer, List<LoadResult>> timed = new LinkedHashMap<>();
            for (int threads : plan.threads()) {
                timed.put(threads, closedLoop(run, id, plan, threads, tally));
            }
            int bestThreads = bestOf(points(timed, plan)).threads();
            timed.get(bestThreads).addAll(timedIterations(run, id, plan, bestThreads,
                    plan.bestIterations() - plan.iterations(), tally));
            List<ThroughputPoint> throughput = points(timed, plan);
            ThroughputPoint best = throughput.stream().filter(p -> p.threads() == bestThreads).findFirst().orElseThrow();
            MaxRate maxRate = best.mean() > 0 ? search(run, id, plan, best, tally) : null;
            progress.phase(id.id(), "counting forced writes (strace attached), " + best.threads() + " callers");
            ForcedWritesPerOrder forcedWrites = ForcedWriteWindow.count(run, best.threads(), plan.iteration(), tally);
            List<LoadPoint> load = List.of();
            run.awaitQuiescence();
            BytesWritten.Reading written = bytesWritten.sinceStart();
            AuditReport audit = run.audit();
            return new ImplementationResult(id.id(), network.name(), Guarantees.of(id), audit.ok(),
                    audit.describe(0).lines().findFirst().orElse(""),
                    audit.violations().stream().limit(SHOWN_VIOLATIONS).map(Object::toString).toList(),
                    notAResult(run),
                    terminationBound(run), throughput, load, tally.perOrder(written), tally.outcomes(),
                    SampleTimeline.of(run.trace(), "the closed loop's warm-up"), NetworkAchieved.describe(run), capped,
                    null, maxRate, forcedWrites);
        }
    }

    /** A rate of the second pass and what it is. */
    public record Target(String label, double rate) {
    }

    /**
     * The second pass: a fresh run at each target rate in turn (open loop), then quiescence and the
     * audit of everything it submitted, added to {@code first}; a run that fails fails the result.
     */
    public ImplementationResult atLoads(ImplementationResult first, ImplementationId id, NetworkProfile network,
                                        List<Target> targets) throws InterruptedException {
        int workers = first.maxRate() != null ? first.maxRate().workers()
                : first.throughput().isEmpty() ? 1 : bestOf(first.throughput()).threads();
        try (Run run = Run.prepare(options.options(id, network, workers))) {
            List<LoadPoint> points = new ArrayList<>();
            Timeline sampled = null;
            run.trace().sampleAnew();
            for (Target target : targets) {
                points.add(openLoop(run, id, workers, target, new CostTally()));
                if (points.size() == 1) {
                    sampled = SampleTimeline.of(run.trace(), String.format(Locale.ROOT, "the open loop at %s (%.1f "
                            + "orders/s offered)", target.label().equals(CommonLoad.LABEL) ? "the common load"
                            : target.label(), target.rate()));
                }
            }
            run.awaitQuiescence();
            AuditReport audit = run.audit();
            return first.withSecondPass(points, sampled, audit.ok(), audit.describe(0).lines().findFirst().orElse(""),
                    audit.violations().stream().limit(SHOWN_VIOLATIONS).map(Object::toString).toList(),
                    notAResult(run));
        } catch (SQLException | RuntimeException e) {
            progress.phase(id.id(), "second pass failed");
            return first.withSecondPass(List.of(), null, false, "not audited: the second pass failed", List.of(),
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /**
     * The closed-loop level with the highest mean: its callers are the open loop's workers (a pool
     * sized where the implementation does best: more would only queue inside the databases, where
     * XA and H2 degrade under contention), its rate the search's first try.
     */
    private static ThroughputPoint bestOf(List<ThroughputPoint> throughput) {
        return throughput.stream().max(Comparator.comparingDouble(ThroughputPoint::mean)).orElseThrow();
    }

    /** The max sustainable rate, searched from the closed loop's best in open-loop windows, then held. */
    private MaxRate search(Run run, ImplementationId id, SweepPlan plan, ThroughputPoint best, CostTally tally)
            throws InterruptedException {
        SustainableRate.Found found = SustainableRate.search((rate, window) -> {
            progress.phase(id.id(), String.format(Locale.ROOT, "%s the max sustainable rate: %.0f orders/s for %d s",
                    window.equals(plan.search().window()) ? "searching" : "holding", rate, window.toSeconds()));
            LoadResult result = new OpenLoad(run, best.threads(), plan.maxLag()).run(rate, window);
            tally.add(result);
            return result;
        }, best.mean(), plan.search());
        return new MaxRate(found.rate(), seconds(plan.search().window()), seconds(plan.search().hold()),
                found.estimated(), best.threads(), plan.quick(), found.probes());
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    /**
     * Why the run is not a result (its orders not placed, or its network not charging what it
     * says); null when it is one.
     */
    private static String notAResult(Run run) {
        String notPlaced = notPlaced(run.submitFailures(), run.feed().handedOut());
        return notPlaced != null ? notPlaced : NetworkAchieved.invalidity(run).orElse(null);
    }

    /**
     * Why the run is not a result when submits failed for an infrastructure reason (its orders were
     * not placed, so its throughput and latency measure a broken run); null when none failed.
     */
    private static String notPlaced(SubmitFailures failures, int submitted) {
        return failures.firstCause().map(cause -> failures.count() + " of " + submitted + " submits failed, not "
                + "business refusals (first cause: " + cause + "; " + failures.byCause().size()
                + " distinct causes; stack traces in the log)").orElse(null);
    }

    /** A warm-up at {@code threads} callers, then the plan's timed iterations. */
    private List<LoadResult> closedLoop(Run run, ImplementationId id, SweepPlan plan, int threads, CostTally tally)
            throws InterruptedException {
        progress.phase(id.id(), "warm-up, " + threads + " callers");
        tally.add(ClosedLoad.run(run, threads, plan.warmup()));
        return timedIterations(run, id, plan, threads, plan.iterations(), tally);
    }

    private List<LoadResult> timedIterations(Run run, ImplementationId id, SweepPlan plan, int threads, int count,
                                             CostTally tally) throws InterruptedException {
        List<LoadResult> measured = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            progress.phase(id.id(), "iteration " + i + "/" + count + ", " + threads + " callers");
            LoadResult result = ClosedLoad.run(run, threads, plan.iteration());
            tally.add(result);
            measured.add(result);
        }
        return measured;
    }

    /** Each level's timed iterations as a point: their throughputs, mean, spread and latencies. */
    private static List<ThroughputPoint> points(Map<Integer, List<LoadResult>> timed, SweepPlan plan) {
        List<ThroughputPoint> points = new ArrayList<>();
        timed.forEach((threads, measured) -> {
            List<Double> iterations = measured.stream().map(LoadResult::throughputPerSecond).toList();
            points.add(new ThroughputPoint(threads, iterations, plan.iteration().toMillis() / 1000.0,
                    Spread.mean(iterations), Spread.stdDev(iterations), merged(measured, LoadResult::outcome),
                    merged(measured, LoadResult::ack)));
        });
        return points;
    }

    private LoadPoint openLoop(Run run, ImplementationId id, int workers, Target target, CostTally tally)
            throws InterruptedException {
        progress.phase(id.id(), String.format(Locale.ROOT, "open loop at %.1f orders/s (%s, %d workers)",
                target.rate(), target.label(), workers));
        run.readModelLag().ifPresent(ReadModelLag::reset);
        LoadResult result = new OpenLoad(run, workers, wanted.maxLag()).run(target.rate(), wanted.openLoop());
        tally.add(result);
        latencyFiles.write(id.id(), run.options().network().name(), target.label(), result);
        return new LoadPoint(target.label(), target.rate(), result.throughputPerSecond(),
                result.elapsed().toMillis() / 1000.0,
                workers, result.saturated(), result.completed(), result.unfinished(),
                result.outcome().summary(), result.ack().summary(), result.overTime().series(),
                run.readModelLag().map(ReadModelLag::summary).orElse(null));
    }

    private static String terminationBound(Run run) {
        return String.format(Locale.ROOT, "%.1f s (%s)", run.placement().terminationBound().toMillis() / 1000.0,
                run.placement().terminationBoundExplained());
    }

    private static LatencySummary merged(List<LoadResult> results, Function<LoadResult, LatencyStats> latency) {
        List<LatencyStats> parts = results.stream().map(latency).toList();
        return LatencyStats.merged(parts.get(0).name(), parts).summary();
    }
}
