package dev.txlab.cli;

import dev.txlab.domain.model.OrdersModel;
import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.harness.placement.TransportSettings;
import dev.txlab.harness.store.StoreKind;
import dev.txlab.scenarios.Catalog;
import dev.txlab.scenarios.FaultMatrix;
import dev.txlab.scenarios.FaultMatrixFiles;
import dev.txlab.scenarios.MatrixText;
import dev.txlab.scenarios.Scenario;
import dev.txlab.scenarios.ScenarioContext;
import dev.txlab.scenarios.ScenarioRunner;
import dev.txlab.scenarios.schedule.ScheduleResult;
import dev.txlab.scenarios.schedule.ScheduleRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code txlab faults}: runs the fault catalog against the implementations on one store, prints the
 * scenario x implementation matrix, and writes faults.json and faults.md into the report folder, where
 * {@code txlab compare} and {@code txlab report} merge them.
 */
@Command(name = "faults", mixinStandardHelpOptions = true,
        description = "Runs the failure-injection catalog (real crashes in a child JVM, recovery, audit) and prints "
                + "the scenario x implementation matrix; writes faults.json and faults.md beside the report.")
final class FaultsCommand implements Callable<Integer> {
    @Option(names = "--impl", split = ",", paramLabel = "ID[,ID...]", defaultValue = "all",
            description = "the implementations, or all (default: ${DEFAULT-VALUE})")
    List<String> implementations;

    @Option(names = "--suite", paramLabel = "quick|full", defaultValue = "quick",
            description = "quick (what CI runs) or full (default: ${DEFAULT-VALUE})")
    String suite;

    @Option(names = "--store", paramLabel = "h2-file|postgres|mariadb", defaultValue = "h2-file",
            description = "the databases of every scenario run (default: ${DEFAULT-VALUE}); servers at their default "
                    + "URLs")
    String store;

    @Option(names = "--transport", paramLabel = "artemis|nats", defaultValue = "artemis",
            description = "the sagas' broker: embedded Artemis, or NATS JetStream at its default URL "
                    + "(default: ${DEFAULT-VALUE})")
    String transport;

    @Option(names = "--orders-model", paramLabel = "state|event-sourced", defaultValue = "state",
            description = "how the orders service keeps an order in every scenario run; event-sourced adds the cells "
                    + "of the event store (default: ${DEFAULT-VALUE})")
    String ordersModel;

    @Mixin
    AccountsOptions accountsOptions;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "txlab-data",
            description = "folder for H2 files, TM logs and broker journals (default: ${DEFAULT-VALUE})")
    Path dataDir;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "target/txlab-report",
            description = "where faults.json and faults.md go (default: ${DEFAULT-VALUE})")
    Path reportDir;

    @Option(names = "--schedules", paramLabel = "N",
            description = "instead of the suite: N random schedules (a halt at a random point and hit, random "
                    + "message faults for the sagas), schedule i with seed SEED + i")
    Integer schedules;

    @Option(names = "--seed", defaultValue = "1", description = "the first schedule's seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--no-progress", description = "no progress shown (a bar on a terminal, else a line every 10 s)")
    boolean noProgress;

    @Mixin
    VerboseOption verbosity;

    @Override
    public Integer call() throws Exception {
        if (schedules != null) {
            return runSchedules();
        }
        List<Scenario> scenarios = Catalog.suite(suite);
        List<ImplementationId> ids = ImplementationList.parse(implementations);
        ScenarioContext context = context();
        int cells = ScenarioRunner.applicableCells(scenarios, ids) + ids.size(); // the probe: one run each
        try (LogFile log = LogFile.open(reportDir.resolve("faults.log"))) {
            return run(scenarios, ids, context, cells, log);
        }
    }

    private int runSchedules() throws IOException {
        Flags.require(schedules >= 1, "--schedules must be at least 1, was " + schedules);
        ScenarioContext context = context();
        try (LogFile log = LogFile.open(reportDir.resolve("faults.log"))) {
            PrintStream out = log.terminal();
            out.printf("txlab faults: %d random schedules from seed %d on %s (each: a child JVM halting at a random "
                    + "point and hit, with random message faults for the sagas; recovery in a fresh JVM; the audit)%n",
                    schedules, seed, context.store().id());
            ScheduleRunner runner = new ScheduleRunner(context);
            List<ScheduleResult> results;
            try (Progress progress = Progress.open(log.terminalErr(), "faults", schedules, noProgress)) {
                results = runner.run(seed, schedules, ImplementationList.parse(implementations), schedule -> {
                    progress.step();
                    progress.message(schedule.describe());
                });
            }
            runner.summary(results).forEach(out::println);
            return results.stream().allMatch(ScheduleResult::passed) ? TxlabCli.EXIT_OK : TxlabCli.EXIT_VIOLATIONS;
        }
    }

    private ScenarioContext context() {
        StoreKind kind = StoreKind.parse(store);
        if (kind == StoreKind.H2_MEM) {
            throw new IllegalArgumentException("--store h2 keeps nothing across a crash; use h2-file, postgres or "
                    + "mariadb");
        }
        return new ScenarioContext(kind, TransportSettings.Kind.parse(transport), dataDir.toAbsolutePath(),
                Clock.systemUTC(), OrdersModel.parse(ordersModel), accountsOptions.toSetting());
    }

    private int run(List<Scenario> scenarios, List<ImplementationId> ids, ScenarioContext context, int cells,
                    LogFile log) throws IOException {
        PrintStream out = log.terminal();
        out.printf("txlab faults: %d scenarios of the %s suite on %s, %d runs (each crash in a child JVM "
                        + "that halts, then recovery in this one, then the audit)%n", scenarios.size(), suite,
                context.store().id(), cells);
        FaultMatrix matrix;
        try (Progress progress = Progress.open(log.terminalErr(), "faults", cells, noProgress)) {
            int[] started = {0};
            matrix = new ScenarioRunner(context,
                    (scenario, implementation) -> {
                        progress.stepTo(started[0]++);
                        progress.message(scenario + " on " + implementation);
                    }).runWithProbe(suite, scenarios, ids);
            progress.stepTo(cells);
        }
        out.print(MatrixText.terminal(matrix));
        out.print(MatrixText.anomalies(matrix));
        out.println(MatrixText.LEGEND);
        out.println("evidence per cell in " + reportDir.resolve(FaultMatrixFiles.MARKDOWN_FILE) + "; library logs in "
                + log.path());
        Path written = FaultMatrixFiles.write(reportDir, matrix);
        out.println("matrix: " + written.toAbsolutePath() + " (txlab compare and txlab report merge it)");
        long failures = matrix.failures();
        out.println(failures == 0 ? "every applicable cell passed" : failures + " cells did not pass");
        return failures == 0 ? TxlabCli.EXIT_OK : TxlabCli.EXIT_VIOLATIONS;
    }
}
