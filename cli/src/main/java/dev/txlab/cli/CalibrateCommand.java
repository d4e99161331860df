package dev.txlab.cli;

import dev.txlab.cli.calibrate.Calibration;
import dev.txlab.cli.calibrate.CalibrationReport;
import dev.txlab.cli.calibrate.Measurement;
import dev.txlab.cli.calibrate.Primitives;
import dev.txlab.harness.run.PrefixLock;
import dev.txlab.harness.store.StoreConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code txlab calibrate}: measures, each alone, the primitives an order's cost is made of on the
 * stores and broker the flags name, on databases of its own ({@code PREFIX_calibrate_<service>}).
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = "Measures this machine's primitives, each alone: a JDBC round trip, an insert + commit and an "
                + "XA insert + prepare + commit on every store kind the --store flag names, and a persistent publish "
                + "+ consume + ack on the --transport broker; prints operations per second and the machine's CPU per "
                + "operation, each as mean ± sd over the timed windows. Uses databases of its own "
                + "(PREFIX_calibrate_<service>), never a run's.")
final class CalibrateCommand implements Callable<Integer> {
    static final String LOG_FILE = "calibrate.log";

    @Mixin
    VerboseOption verbosity;

    @Mixin
    PlacementOptions placement;

    @Mixin
    TransportOptions transportOptions;

    @Option(names = "--window-seconds", paramLabel = "S", defaultValue = "2",
            description = "length of each timed window, seconds (default: ${DEFAULT-VALUE})")
    double windowSeconds;

    @Option(names = "--repeats", paramLabel = "N", defaultValue = "3",
            description = "timed windows per primitive, after a warm-up of one window, at least 2 s (default: ${DEFAULT-VALUE})")
    int repeats;

    @Override
    public Integer call() throws Exception {
        Flags.require(windowSeconds >= 0.1 && windowSeconds <= 600,
                "--window-seconds must be between 0.1 and 600; got " + windowSeconds);
        Flags.require(repeats >= 1 && repeats <= 100, "--repeats must be between 1 and 100; got " + repeats);
        StoreConfig store = Primitives.ownPrefix(placement.toConfig());
        Calibration calibration = new Calibration(Duration.ofNanos(Math.round(windowSeconds * 1e9)), repeats);
        try (PrefixLock lock = PrefixLock.acquire(store, "calibrate");
             LogFile log = LogFile.open(store.runDir().resolve(LOG_FILE))) {
            PrintStream out = log.terminal();
            out.printf("txlab calibrate: each primitive alone on one connection, %d timed window(s) of %s s after "
                    + "a warm-up (one window, at least 2 s); databases %s_<service>%n", repeats, windowSeconds, store.prefix());
            Optional<Double> idle = calibration.measureIdle();
            List<Measurement> measurements = Primitives.measure(calibration, store, transportOptions.toSettings());
            new CalibrationReport(measurements, idle, Runtime.getRuntime().availableProcessors()).print(out);
            out.println("(library output: " + log.path() + ")");
        }
        return TxlabCli.EXIT_OK;
    }
}
