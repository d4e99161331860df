package dev.txlab.cli.calibrate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Busy CPU time of the whole machine (every process: txlab, the database servers, the broker), from
 * the first line of {@code /proc/stat}: all but idle and iowait. Linux reports it in USER_HZ ticks,
 * 100 per second on every mainstream architecture, so it resolves 10 ms per core.
 */
public final class MachineCpu {
    private static final Path PROC_STAT = Path.of("/proc/stat");
    private static final long NANOS_PER_TICK = 10_000_000L;
    private static final int IDLE = 3;
    private static final int IOWAIT = 4;

    private MachineCpu() {
    }

    /** Busy nanoseconds summed over all cores since boot; empty where {@code /proc/stat} cannot be read. */
    public static OptionalLong busyNanos() {
        try {
            String first = Files.readAllLines(PROC_STAT).get(0);
            return OptionalLong.of(busyTicks(first) * NANOS_PER_TICK);
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** The busy ticks of a {@code cpu  user nice system idle iowait irq softirq steal ...} line. */
    static long busyTicks(String cpuLine) {
        String[] fields = cpuLine.trim().split("\\s+");
        if (!fields[0].equals("cpu")) {
            throw new IllegalArgumentException("not the total cpu line of /proc/stat: " + cpuLine);
        }
        long busy = 0;
        // fields 1..8: user nice system idle iowait irq softirq steal; guest time is already in user
        for (int i = 1; i < Math.min(fields.length, 9); i++) {
            if (i - 1 != IDLE && i - 1 != IOWAIT) {
                busy += Long.parseLong(fields[i]);
            }
        }
        return busy;
    }
}
