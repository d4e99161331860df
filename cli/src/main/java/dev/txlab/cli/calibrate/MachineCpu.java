package dev.txlab.cli.calibrate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * CPU time of the whole machine (every process: txlab, the database servers, the broker), from the
 * first line of {@code /proc/stat}. Linux reports it in USER_HZ ticks, 100 per second on every
 * mainstream architecture, so it resolves 10 ms per core.
 */
public final class MachineCpu {
    private static final Path PROC_STAT = Path.of("/proc/stat");
    private static final long NANOS_PER_TICK = 10_000_000L;
    private static final int IDLE = 3;
    private static final int IOWAIT = 4;
    private static final int STEAL = 7;

    private MachineCpu() {
    }

    /**
     * Ticks summed over all cores since boot: all of them, the busy ones (all but idle and iowait,
     * steal included) and the stolen ones.
     */
    public record Ticks(long total, long busy, long steal) {
        /** The ticks of a {@code cpu  user nice system idle iowait irq softirq steal ...} line. */
        public static Ticks parse(String cpuLine) {
            String[] fields = cpuLine.trim().split("\\s+");
            if (!fields[0].equals("cpu")) {
                throw new IllegalArgumentException("not the total cpu line of /proc/stat: " + cpuLine);
            }
            long total = 0;
            long busy = 0;
            // fields 1..8: user nice system idle iowait irq softirq steal; guest time is already in user
            for (int i = 1; i < Math.min(fields.length, 9); i++) {
                long ticks = Long.parseLong(fields[i]);
                total += ticks;
                if (i - 1 != IDLE && i - 1 != IOWAIT) {
                    busy += ticks;
                }
            }
            long steal = fields.length > STEAL + 1 ? Long.parseLong(fields[STEAL + 1]) : 0;
            return new Ticks(total, busy, steal);
        }
    }

    /** The machine's ticks now; empty where {@code /proc/stat} cannot be read. */
    public static Optional<Ticks> ticks() {
        try {
            return Optional.of(Ticks.parse(Files.readAllLines(PROC_STAT).get(0)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Busy nanoseconds summed over all cores since boot; empty where {@code /proc/stat} cannot be read. */
    public static OptionalLong busyNanos() {
        return ticks().map(t -> OptionalLong.of(t.busy() * NANOS_PER_TICK)).orElse(OptionalLong.empty());
    }
}
