package dev.txlab.cli.compare;

import dev.txlab.cli.calibrate.MachineCpu;
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
        Optional<MachineCpu.Ticks> machine = MachineCpu.ticks();
        if (machine.isEmpty()) {
            return Optional.empty();
        }
        try {
            long ours = processTicks(PROC.resolve("self"));
            for (long pid : LocalProcesses.named(servers)) {
                ours += processTicks(PROC.resolve(String.valueOf(pid)));
            }
            return Optional.of(new Ticks(machine.get().total(), machine.get().busy(), machine.get().steal(), ours));
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
