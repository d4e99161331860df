package dev.txlab.load;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A phase's outcomes second by second from its start: how many orders reached their outcome in each
 * second, and their latencies there (HdrHistogram, nanoseconds), for the report's per-second series
 * (a stall shows as a second with few outcomes and a high p99) and the interval log ({@code .hlog})
 * written beside the results.
 */
public final class OverTime {
    private final long startNanos = System.nanoTime();
    private final long startEpochMillis = System.currentTimeMillis();
    private final Map<Integer, Histogram> seconds = new ConcurrentHashMap<>();

    /** One second of the phase: orders that reached their outcome in it, and their p99 (0 when none did). */
    public record Second(int second, long completed, double p99Millis) {
    }

    /** An outcome reached now, {@code latencyNanos} after its (intended) start. */
    void record(long latencyNanos) {
        int second = (int) ((System.nanoTime() - startNanos) / 1_000_000_000L);
        seconds.computeIfAbsent(second, s -> new ConcurrentHistogram(LatencyStats.HIGHEST_TRACKABLE_NANOS, 3))
                .recordValue(Math.min(Math.max(latencyNanos, 0), LatencyStats.HIGHEST_TRACKABLE_NANOS));
    }

    /** Every second from the first to the last with an outcome, in order; a second without one counts 0. */
    public List<Second> series() {
        List<Second> series = new ArrayList<>();
        int last = seconds.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1);
        for (int second = 0; second <= last; second++) {
            Histogram histogram = seconds.get(second);
            series.add(histogram == null ? new Second(second, 0, 0)
                    : new Second(second, histogram.getTotalCount(), histogram.getValueAtPercentile(99) / 1e6));
        }
        return series;
    }

    /** The seconds as an HdrHistogram interval log: one interval per second, times from the phase's start. */
    public void writeLog(PrintStream out) {
        HistogramLogWriter writer = new HistogramLogWriter(out);
        writer.outputComment("txlab: outcome latency (ns) per second of one load phase");
        writer.outputLogFormatVersion();
        writer.outputStartTime(startEpochMillis);
        writer.setBaseTime(startEpochMillis);
        writer.outputLegend();
        seconds.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            Histogram histogram = entry.getValue().copy();
            histogram.setStartTimeStamp(startEpochMillis + 1000L * entry.getKey());
            histogram.setEndTimeStamp(startEpochMillis + 1000L * (entry.getKey() + 1));
            writer.outputIntervalHistogram(histogram);
        });
    }
}
