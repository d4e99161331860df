package dev.txlab.cli;

import dev.txlab.cli.calibrate.MachineCpu;
import dev.txlab.harness.cost.CostCounters;
import dev.txlab.harness.cost.MessageCounts;
import dev.txlab.harness.run.FileTrees;
import dev.txlab.harness.run.Run;
import dev.txlab.harness.run.RunResult;
import dev.txlab.harness.readmodel.ReadModelLag;
import dev.txlab.harness.store.BytesWritten;
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
 * end of each minute of its schedule it prints what that minute achieved and its live heap, then
 * whether both stayed flat from the second minute to the end (within {@link #FLAT}). The live heap is
 * the heap used after a full collection, read every {@link #HEAP_READING} (each collection is a pause
 * the loop then catches up on, its orders keeping their intended starts); a minute's is the least of
 * its readings: something kept per order raises every reading, while a backlog at the instant of one
 * reading holds its orders' messages and unsaved pages for a moment (a saga-orch run at 534 orders/s
 * read 94-123 MiB at its minute marks, following the 47-178 orders in flight there). Beside them, as
 * evidence of what a minute cost: how busy the machine's cores were (every process: a rate that keeps
 * them near 100 % has no room for a pause to be caught up) and the size of the data directory (H2
 * files, broker journal, logs: what a long run leaves on disk).
 */
final class OpenLoopRun {
    static final Duration PART = Duration.ofMinutes(1);
    /** How often the live heap is read: four readings a minute. */
    static final Duration HEAP_READING = Duration.ofSeconds(15);
    /** The most a minute's throughput or live heap may differ from their mean over the minutes after the first. */
    static final double FLAT = 0.10;
    private static final Duration MAX_LAG = Duration.ofSeconds(2);
    /**
     * A closed loop first, so the schedule does not start on a cold JVM (as a compare's ladder comes
     * before its search): a quarter of the duration, at most this. 30 s was too short on 2 cores: the
     * JIT was still compiling, and saga-choreo at 990 orders/s (70 % of its maximum) fell 2 s behind in
     * 21 s; after 60 s it held the rate for 4 minutes.
     */
    static final Duration WARM_UP = Duration.ofSeconds(60);
    /** The most orders a warm-up can take (a closed loop of the fastest implementation, with room). */
    static final int WARM_UP_ORDERS = 100_000;
    private static final int CORES = Runtime.getRuntime().availableProcessors();

    private final Run run;
    private final int workers;
    private final PrintStream out;
    private MessageCounts messagesBefore = MessageCounts.NONE;
    private BytesWritten bytesWritten;

    OpenLoopRun(Run run, int workers, PrintStream out) {
        this.run = run;
        this.workers = workers;
        this.out = out;
    }

    /**
     * What a minute of the schedule achieved, the orders in flight at its end, its live heap, the share
     * of the machine's cores busy during it (empty where {@code /proc/stat} cannot be read) and the data
     * directory's size at its end.
     */
    record Part(int minute, double offered, double achieved, int inFlight, LiveHeap liveHeap,
                OptionalDouble machineBusy, OptionalDouble dataDirMiB) {
    }

    /** A minute's readings of the heap used after a full collection: the least, the most, how many. */
    record LiveHeap(double leastMiB, double mostMiB, int readings) {
        static LiveHeap of(List<Double> readingsMiB) {
            DoubleSummaryStatistics statistics = readingsMiB.stream().mapToDouble(Double::doubleValue)
                    .summaryStatistics();
            return new LiveHeap(statistics.getMin(), statistics.getMax(), readingsMiB.size());
        }
    }

    RunResult execute(double rate, Duration duration, LatencyStats outcomeLatency, LatencyStats ackLatency)
            throws InterruptedException {
        Duration warmUpLength = warmUp(duration);
        LoadResult warmUp = ClosedLoad.run(run, workers, warmUpLength);
        out.printf(Locale.ROOT, "warm-up: %.1f s closed loop with %d callers, %.1f orders/s (not counted below)%n",
                warmUpLength.toMillis() / 1000.0, workers, warmUp.throughputPerSecond());
        CostCounters.Costs before = run.costs();
        messagesBefore = run.placement().messageCounts().orElse(MessageCounts.NONE);
        bytesWritten = BytesWritten.from(run.stores());
        run.readModelLag().ifPresent(ReadModelLag::reset);
        Minutes minutes = new Minutes(run.options().store().dataDir());
        LoadResult result = new OpenLoad(run, workers, MAX_LAG).run(rate, duration, HEAP_READING, minutes::mark);
        minutes.endPartial();
        List<Part> parts = minutes.parts;
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

    /**
     * Turns the open loop's marks, one every {@link #HEAP_READING}, into minutes: a live-heap reading at
     * each mark, a {@link Part} printed at each full minute of the schedule and at a shorter end.
     */
    private final class Minutes {
        private final Path dataDir;
        private final List<Part> parts = new ArrayList<>();
        private final List<Double> heapReadings = new ArrayList<>();
        private OpenLoad.Mark previous = new OpenLoad.Mark(Duration.ZERO, 0, 0, 0);
        private OpenLoad.Mark last = previous;
        private OptionalLong busyBefore = MachineCpu.busyNanos();

        Minutes(Path dataDir) {
            this.dataDir = dataDir;
        }

        void mark(OpenLoad.Mark mark) {
            heapReadings.add(liveHeapMiB());
            last = mark;
            if (mark.elapsed().toNanos() % PART.toNanos() == 0) {
                end(mark);
            }
        }

        /** The part of a minute after the last full one (a duration that is not whole minutes, or a stop). */
        void endPartial() {
            if (!heapReadings.isEmpty()) {
                end(last);
            }
        }

        private void end(OpenLoad.Mark mark) {
            long nanos = mark.elapsed().toNanos() - previous.elapsed().toNanos();
            OptionalLong busy = MachineCpu.busyNanos();
            Part part = new Part(parts.size() + 1, (mark.issued() - previous.issued()) / (nanos / 1e9),
                    (mark.completed() - previous.completed()) / (nanos / 1e9), mark.inFlight(),
                    LiveHeap.of(heapReadings), busyShare(busyBefore, busy, nanos), sizeMiB(dataDir));
            previous = mark;
            busyBefore = busy;
            heapReadings.clear();
            parts.add(part);
            out.println(describe(part));
        }
    }

    /** The bytes the databases wrote since the warm-up ended (call after {@link #execute}). */
    BytesWritten.Reading bytesWritten() {
        return bytesWritten.sinceStart();
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
                        + "%d in flight at its end, live heap %.1f MiB (the least of %d readings after a full GC, "
                        + "%d s apart; most %.1f), machine CPU %s, data directory %s",
                part.minute(), part.offered(), part.achieved(), part.inFlight(), part.liveHeap().leastMiB(),
                part.liveHeap().readings(), HEAP_READING.toSeconds(), part.liveHeap().mostMiB(),
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
     * Whether throughput and live heap stayed flat from the second part to the end, with the figures
     * that say so: every minute's throughput within {@link #FLAT} of their mean, and the live heap's
     * drift (a least-squares line through the minutes, its rise from the first to the last) within
     * {@link #FLAT} of its mean. The heap is judged by its drift, not minute by minute: what a run
     * keeps per order raises it minute after minute, while bounded caches (H2 keeps up to 16 MiB of
     * pages per database, by its own estimate of their size) move a minute's reading up or down by
     * about a tenth (a 10-minute saga-orch run: 87.5-105.5 MiB, no trend).
     */
    static String flatness(List<Part> parts, boolean saturated) {
        List<Part> steady = parts.size() > 1 ? parts.subList(1, parts.size()) : List.of();
        if (steady.size() < 2) {
            return "flatness: not judged (needs at least 3 minutes: the first warms up)";
        }
        DoubleSummaryStatistics throughput = steady.stream().mapToDouble(Part::achieved).summaryStatistics();
        List<Double> heapByMinute = steady.stream().map(part -> part.liveHeap().leastMiB()).toList();
        DoubleSummaryStatistics heap = heapByMinute.stream().mapToDouble(Double::doubleValue).summaryStatistics();
        double heapDrift = drift(heapByMinute) / heap.getAverage();
        boolean flat = deviation(throughput) <= FLAT && Math.abs(heapDrift) <= FLAT && !saturated;
        return String.format(Locale.ROOT, "flatness over minutes 2-%d: throughput %.1f-%.1f orders/s (mean %.1f, "
                        + "largest deviation %.1f %%), live heap %.1f-%.1f MiB (mean %.1f, largest deviation %.1f %%, "
                        + "drift %+.1f %%): %s (limits: throughput each minute, heap drift, %.0f %%)",
                parts.size(), throughput.getMin(), throughput.getMax(), throughput.getAverage(),
                100 * deviation(throughput), heap.getMin(), heap.getMax(), heap.getAverage(), 100 * deviation(heap),
                100 * heapDrift, flat ? "flat" : "NOT flat", 100 * FLAT);
    }

    private static double deviation(DoubleSummaryStatistics values) {
        double mean = values.getAverage();
        return mean == 0 ? 0 : Math.max(values.getMax() - mean, mean - values.getMin()) / mean;
    }

    /** How much a least-squares line through the values (one a minute) rises from the first to the last. */
    static double drift(List<Double> values) {
        int n = values.size();
        double meanX = (n - 1) / 2.0;
        double meanY = values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double covariance = 0;
        double variance = 0;
        for (int x = 0; x < n; x++) {
            covariance += (x - meanX) * (values.get(x) - meanY);
            variance += (x - meanX) * (x - meanX);
        }
        return variance == 0 ? 0 : covariance / variance * (n - 1);
    }

    /** The heap in use after a full collection, in MiB: what the run keeps alive. */
    private static double liveHeapMiB() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024);
    }
}
