package dev.txlab.cli.compare;

import dev.txlab.harness.cost.LocalProcesses;
import dev.txlab.harness.placement.TransportSettings;
import dev.txlab.harness.store.StoreConfig;
import dev.txlab.report.MachineLoad;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Reads how busy the machine is apart from a comparison ({@link MachineLoad}) from {@code /proc}: the
 * machine's ticks from {@code /proc/stat}, and what this JVM and the local servers the runs use
 * spent, from each one's {@code /proc/PID/stat} (its own and its reaped children's user and system
 * ticks: a database backend that ended is in its server's parent).
 */
public final class MachineLoadProbe {
    private static final Path PROC = Path.of("/proc");
    private static final int STAT_IDLE = 3;
    private static final int STAT_IOWAIT = 4;
    private static final int STAT_STEAL = 7;
    /** Fields of /proc/PID/stat after the command's ")": utime, stime, cutime, cstime. */
    private static final int[] PROCESS_TICKS = {11, 12, 13, 14};

    private final Set<String> servers;
    private final Optional<Ticks> start;
    private Optional<Ticks> runsStart = Optional.empty();
    private Double otherBefore;
    private Double stealBefore;

    private MachineLoadProbe(Set<String> servers) {
        this.servers = servers;
        this.start = read();
    }

    /** Starts watching; {@link #quietSecond()} then measures the machine before the runs. */
    public static MachineLoadProbe start(StoreConfig store, TransportSettings transport) {
        return new MachineLoadProbe(ForcedWriteWindow.serverCommands(store, transport));
    }

    /** A second with nothing of txlab's running: what the machine does without the comparison. */
    public void quietSecond() throws InterruptedException {
        Optional<Ticks> before = read();
        Thread.sleep(Duration.ofSeconds(1).toMillis());
        Optional<Ticks> after = read();
        if (before.isPresent() && after.isPresent()) {
            otherBefore = after.get().otherShare(before.get());
            stealBefore = after.get().stealShare(before.get());
        }
        runsStart = after.or(() -> start);
    }

    /** The load before the runs and since then. */
    public MachineLoad load() {
        Optional<Ticks> now = read();
        Optional<Ticks> from = runsStart.or(() -> start);
        if (now.isEmpty() || from.isEmpty()) {
            return new MachineLoad(otherBefore, stealBefore, null, null);
        }
        return new MachineLoad(otherBefore, stealBefore, now.get().otherShare(from.get()),
                now.get().stealShare(from.get()));
    }

    /** Ticks since boot: all, busy (steal included), steal, and this JVM's and the servers' own. */
    record Ticks(long total, long busy, long steal, long ours) {
        double otherShare(Ticks earlier) {
            long total = this.total - earlier.total;
            long other = (busy - earlier.busy) - (steal - earlier.steal) - (ours - earlier.ours);
            return total <= 0 ? 0 : Math.max(0, (double) other / total);
        }

        double stealShare(Ticks earlier) {
            long total = this.total - earlier.total;
            return total <= 0 ? 0 : (double) (steal - earlier.steal) / total;
        }
    }

    private Optional<Ticks> read() {
        try {
            String[] cpu = Files.readAllLines(PROC.resolve("stat")).get(0).trim().split("\\s+");
            long total = 0;
            long busy = 0;
            // fields 1..8: user nice system idle iowait irq softirq steal; guest time is already in user
            for (int i = 1; i < Math.min(cpu.length, 9); i++) {
                long ticks = Long.parseLong(cpu[i]);
                total += ticks;
                if (i - 1 != STAT_IDLE && i - 1 != STAT_IOWAIT) {
                    busy += ticks;
                }
            }
            long steal = cpu.length > STAT_STEAL + 1 ? Long.parseLong(cpu[STAT_STEAL + 1]) : 0;
            long ours = processTicks(PROC.resolve("self"));
            for (long pid : LocalProcesses.named(servers)) {
                ours += processTicks(PROC.resolve(String.valueOf(pid)));
            }
            return Optional.of(new Ticks(total, busy, steal, ours));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A process's own and reaped children's user and system ticks; 0 when it has ended meanwhile. */
    private static long processTicks(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = 0;
            for (int field : PROCESS_TICKS) {
                ticks += Long.parseLong(fields[field]);
            }
            return ticks;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
