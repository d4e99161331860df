package dev.txlab.cli;

import dev.txlab.cli.calibrate.MachineCpu;
import dev.txlab.harness.cost.CostCounters;
import dev.txlab.harness.cost.MessageCounts;
import dev.txlab.harness.run.FileTrees;
import dev.txlab.harness.run.Run;
import dev.txlab.harness.run.RunResult;
import dev.txlab.load.ClosedLoad;
import dev.txlab.load.LatencyStats;
import dev.txlab.load.LoadResult;
import dev.txlab.load.OpenLoad;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * {@code txlab run --rate R --duration D}: after a closed-loop warm-up ({@link #WARM_UP}), orders
 * arrive at R per second for D whatever the system does (one open loop, {@link OpenLoad}). At the
 * end of each minute of its schedule it prints what that minute achieved and the heap used after a
 * full collection (the live heap: a long run whose live heap grows keeps something per order; the
 * collection is a pause the loop then catches up on, its orders keeping their intended starts), then
 * whether both stayed flat from the second minute to the end (within {@link #FLAT}). Beside them, as
 * evidence of what a minute cost: how busy the machine's cores were (every process: a rate that keeps
 * them near 100 % has no room for a pause to be caught up) and the size of the data directory (H2
 * files, broker journal, logs: what a long run leaves on disk).
 */
final class OpenLoopRun {
    static final Duration PART = Duration.ofMinutes(1);
    /** The most a minute's throughput or live heap may differ from their mean over the minutes after the first. */
    static final double FLAT = 0.10;
    private static final Duration MAX_LAG = Duration.ofSeconds(2);
    /**
     * A closed loop first, so the schedule does not start on a cold JVM (as a compare's ladder comes
     * before its search): a quarter of the duration, at most this.
     */
    static final Duration WARM_UP = Duration.ofSeconds(30);
    /** The most orders a warm-up can take (a closed loop of the fastest implementation, with room). */
    static final int WARM_UP_ORDERS = 100_000;
    private static final int CORES = Runtime.getRuntime().availableProcessors();

    private final Run run;
    private final int workers;
    private final PrintStream out;
    private MessageCounts messagesBefore = MessageCounts.NONE;

    OpenLoopRun(Run run, int workers, PrintStream out) {
        this.run = run;
        this.workers = workers;
        this.out = out;
    }

    /**
     * What a minute of the schedule achieved, the orders in flight at its end, the live heap after it,
     * the share of the machine's cores busy during it (empty where {@code /proc/stat} cannot be read)
     * and the data directory's size at its end.
     */
    record Part(int minute, double offered, double achieved, int inFlight, double liveHeapMiB,
                OptionalDouble machineBusy, OptionalDouble dataDirMiB) {
    }

    RunResult execute(double rate, Duration duration, LatencyStats outcomeLatency, LatencyStats ackLatency)
            throws InterruptedException {
        Duration warmUpLength = warmUp(duration);
        LoadResult warmUp = ClosedLoad.run(run, workers, warmUpLength);
        out.printf(Locale.ROOT, "warm-up: %.1f s closed loop with %d callers, %.1f orders/s (not counted below)%n",
                warmUpLength.toMillis() / 1000.0, workers, warmUp.throughputPerSecond());
        CostCounters.Costs before = run.costs();
        messagesBefore = run.placement().messageCounts().orElse(MessageCounts.NONE);
        List<Part> parts = new ArrayList<>();
        OpenLoad.Mark[] previous = {new OpenLoad.Mark(Duration.ZERO, 0, 0, 0)};
        OptionalLong[] busyBefore = {MachineCpu.busyNanos()};
        Path dataDir = run.options().store().dataDir();
        LoadResult result = new OpenLoad(run, workers, MAX_LAG).run(rate, duration, PART, mark -> {
            long nanos = mark.elapsed().toNanos() - previous[0].elapsed().toNanos();
            OptionalLong busy = MachineCpu.busyNanos();
            Part part = new Part(parts.size() + 1, (mark.issued() - previous[0].issued()) / (nanos / 1e9),
                    (mark.completed() - previous[0].completed()) / (nanos / 1e9), mark.inFlight(), liveHeapMiB(),
                    busyShare(busyBefore[0], busy, nanos), sizeMiB(dataDir));
            previous[0] = mark;
            busyBefore[0] = busy;
            parts.add(part);
            out.println(describe(part));
        });
        if (result.saturated()) {
            out.printf(Locale.ROOT, "stopped: more than %d s behind the schedule of %.1f orders/s, so the system "
                    + "does not sustain that rate%n", MAX_LAG.toSeconds(), rate);
        }
        out.println(flatness(parts, result.saturated()));
        outcomeLatency.add(result.outcome());
        ackLatency.add(result.ack());
        run.awaitQuiescence();
        return new RunResult(result.completed(), result.failedSubmits(), result.unfinished(), result.elapsed(),
                result.outcomes(), run.costs().minus(before));
    }

    /** The messages counted before the open loop (the warm-up's), not its orders'. */
    MessageCounts messagesBefore() {
        return messagesBefore;
    }

    static Duration warmUp(Duration duration) {
        Duration quarter = duration.dividedBy(4);
        return quarter.compareTo(WARM_UP) < 0 ? quarter : WARM_UP;
    }

    static String describe(Part part) {
        return String.format(Locale.ROOT, "minute %d: %.1f orders/s issued, %.1f reached their outcome per second, "
                        + "%d in flight at its end, live heap (after a full GC) %.1f MiB, machine CPU %s, "
                        + "data directory %s",
                part.minute(), part.offered(), part.achieved(), part.inFlight(), part.liveHeapMiB(),
                part.machineBusy().isPresent()
                        ? String.format(Locale.ROOT, "%.0f %% busy (%d cores)", 100 * part.machineBusy().getAsDouble(),
                        CORES)
                        : "not measured (no /proc/stat)",
                part.dataDirMiB().isPresent() ? String.format(Locale.ROOT, "%.0f MiB", part.dataDirMiB().getAsDouble())
                        : "not read (a file vanished twice while it was measured)");
    }

    /** The share of all cores busy between two readings {@code nanos} apart. */
    static OptionalDouble busyShare(OptionalLong before, OptionalLong after, long nanos) {
        if (before.isEmpty() || after.isEmpty() || nanos <= 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Math.min(1.0, (after.getAsLong() - before.getAsLong()) / ((double) nanos * CORES)));
    }

    /** The total size of the files under a directory, in MiB ({@link FileTrees#sizeBytes}). */
    static OptionalDouble sizeMiB(Path directory) {
        OptionalLong bytes = FileTrees.sizeBytes(directory);
        return bytes.isPresent() ? OptionalDouble.of(bytes.getAsLong() / (1024.0 * 1024)) : OptionalDouble.empty();
    }

    /**
     * Whether throughput and live heap stayed within {@link #FLAT} of their mean from the second
     * part to the end, with the figures that say so.
     */
    static String flatness(List<Part> parts, boolean saturated) {
        List<Part> steady = parts.size() > 1 ? parts.subList(1, parts.size()) : List.of();
        if (steady.size() < 2) {
            return "flatness: not judged (needs at least 3 minutes: the first warms up)";
        }
        DoubleSummaryStatistics throughput = steady.stream().mapToDouble(Part::achieved).summaryStatistics();
        DoubleSummaryStatistics heap = steady.stream().mapToDouble(Part::liveHeapMiB).summaryStatistics();
        boolean flat = within(throughput) && within(heap) && !saturated;
        return String.format(Locale.ROOT, "flatness over minutes 2-%d: throughput %.1f-%.1f orders/s (mean %.1f, "
                        + "largest deviation %.1f %%), live heap %.1f-%.1f MiB (mean %.1f, largest deviation %.1f %%): "
                        + "%s (limit %.0f %%)",
                parts.size(), throughput.getMin(), throughput.getMax(), throughput.getAverage(),
                100 * deviation(throughput), heap.getMin(), heap.getMax(), heap.getAverage(), 100 * deviation(heap),
                flat ? "flat" : "NOT flat", 100 * FLAT);
    }

    private static boolean within(DoubleSummaryStatistics values) {
        return deviation(values) <= FLAT;
    }

    private static double deviation(DoubleSummaryStatistics values) {
        double mean = values.getAverage();
        return mean == 0 ? 0 : Math.max(values.getMax() - mean, mean - values.getMin()) / mean;
    }

    /** The heap in use after a full collection, in MiB: what the run keeps alive. */
    private static double liveHeapMiB() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024);
    }
}
