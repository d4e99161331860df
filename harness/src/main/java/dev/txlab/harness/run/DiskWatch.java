package dev.txlab.harness.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Keeps a run off a full disk. Before the run: its data directory's file system must have room for
 * what every run writes before its first order (the embedded broker's journal files) and a reserve.
 * During the run: the free space is read every {@link #PERIOD}; below the reserve, or where the
 * embedded Artemis would block its producers (above its default 90 % disk usage, where it logs "Disk
 * Full! Blocking message production" and waits for ever), the run is stopped with one line, so it
 * never hangs for the I5 bound nor fills the disk under its H2 files.
 */
final class DiskWatch implements AutoCloseable {
    /** What the data directory's file system must keep free: TM logs, H2's own growth, the ledger, the logs. */
    static final long RESERVE_BYTES = 16L * 1024 * 1024;
    /** What the embedded Artemis writes before the first message: its journal files and bindings. */
    static final long BROKER_START_BYTES = 32L * 1024 * 1024;
    /** Artemis' default max-disk-usage: above it the broker blocks every producer. */
    static final double BROKER_MAX_DISK_USAGE = 0.90;
    static final Duration PERIOD = Duration.ofMillis(250);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "txlab-disk-watch");
        thread.setDaemon(true);
        return thread;
    });

    private DiskWatch() {
    }

    /** Stops a run that cannot start on the directory's file system, with one line saying why. */
    static void checkBeforeRun(Path directory, DiskSpace space, boolean embeddedBroker) {
        DiskSpace.Usage usage = space.usage();
        long needed = RESERVE_BYTES + (embeddedBroker ? BROKER_START_BYTES : 0);
        Optional<String> problem = usage.usable() < needed ? Optional.of(String.format(Locale.ROOT,
                "has %d MB free, but a run needs %d MB before its first order (%s)", usage.usableMegabytes(),
                needed / (1024 * 1024), embeddedBroker ? "the embedded broker's journal and a reserve" : "a reserve"))
                : blockingBroker(usage, embeddedBroker, BROKER_START_BYTES);
        problem.ifPresent(why -> {
            throw new PreflightFailedException("the data directory " + directory + " " + why
                    + "; free some space or choose another --data-dir");
        });
    }

    /** Watches the directory's free space until closed; {@code full} gets the one line when it runs out. */
    static DiskWatch start(Path directory, DiskSpace space, boolean embeddedBroker, Consumer<String> full) {
        DiskWatch watch = new DiskWatch();
        watch.timer.scheduleAtFixedRate(() -> {
            DiskSpace.Usage usage = space.usage();
            Optional<String> problem = usage.usable() < RESERVE_BYTES
                    ? Optional.of(String.format(Locale.ROOT, "has %d MB free, less than the %d MB a run keeps in "
                    + "reserve", usage.usableMegabytes(), RESERVE_BYTES / (1024 * 1024)))
                    : blockingBroker(usage, embeddedBroker, 0);
            problem.ifPresent(why -> {
                full.accept("disk full at " + directory + ": its file system " + why);
                watch.timer.shutdown();
            });
        }, 0, PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        return watch;
    }

    /** Why the embedded broker would block its producers once {@code more} bytes are written, if it would. */
    private static Optional<String> blockingBroker(DiskSpace.Usage usage, boolean embeddedBroker, long more) {
        double used = 1.0 - (double) (usage.usable() - more) / usage.total();
        if (!embeddedBroker || used <= BROKER_MAX_DISK_USAGE) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "is %.0f %% used (%d MB free of %d MB), above the %.0f %% at "
                        + "which the embedded Artemis blocks every producer", used * 100, usage.usableMegabytes(),
                usage.totalMegabytes(), BROKER_MAX_DISK_USAGE * 100));
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
