package dev.txlab.cli;

import dev.txlab.cli.calibrate.Calibration;
import dev.txlab.cli.calibrate.Ceilings;
import dev.txlab.cli.calibrate.Measurement;
import dev.txlab.cli.calibrate.Primitives;
import dev.txlab.cli.compare.CommonLoad;
import dev.txlab.cli.compare.ComparisonSweep;
import dev.txlab.cli.compare.EnvironmentProbe;
import dev.txlab.cli.compare.GuaranteeEvidence;
import dev.txlab.cli.compare.LatencyFiles;
import dev.txlab.cli.compare.MachineLoadProbe;
import dev.txlab.cli.compare.Secrets;
import dev.txlab.cli.compare.SweepPlan;
import dev.txlab.domain.model.AccountsModel;
import dev.txlab.domain.model.OrdersModel;
import dev.txlab.domain.service.ServiceName;
import dev.txlab.harness.network.NetworkProfile;
import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.harness.placement.TmSettings;
import dev.txlab.harness.placement.TransportSettings;
import dev.txlab.harness.placement.spi.ResourceNeeds;
import dev.txlab.harness.run.AccountsSetting;
import dev.txlab.harness.run.PrefixLock;
import dev.txlab.harness.run.RunOptions;
import dev.txlab.harness.store.StoreConfig;
import dev.txlab.harness.store.StoreKind;
import dev.txlab.harness.workload.WorkloadSpec;
import dev.txlab.messaging.placement.SagaRuntime;
import dev.txlab.report.ImplementationResult;
import dev.txlab.report.MachineLoad;
import dev.txlab.report.Method;
import dev.txlab.report.Results;
import dev.txlab.report.ResultsFiles;
import dev.txlab.report.RunToRun;
import dev.txlab.scenarios.FaultMatrix;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code txlab compare}: the main job. Measures every implementation on the same store, transport
 * and workload, audits each run, and writes the report (HTML, Markdown, JSON, CSV).
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Measures all implementations side by side (closed-loop throughput, open-loop latency, cost "
                + "per order), audits every run, runs each one's isolation probe and one crash with its recovery, "
                + "and writes target/txlab-report/index.html, summary.md, "
                + "results.json and results.csv.")
final class CompareCommand implements Callable<Integer> {
    /** Orders each run's workload holds: more than any phase of any sweep takes on this kind of machine. */
    static final int WORKLOAD_CAPACITY = 5_000_000;
    /** The shortest window a primitive is timed in (the quick sweep's iterations are shorter). */
    private static final Duration MIN_CALIBRATION_WINDOW = Duration.ofMillis(333);
    /** A comparison of one orders model: no first pass with another. */
    private static final OtherOrdersModels NO_OTHER_MODELS = new OtherOrdersModels(List.of(), model -> null);

    @ArgGroup(exclusive = true)
    SweepChoice sweep = new SweepChoice();

    static final class SweepChoice {
        @Option(names = "--quick", description = "a first look, about 3 minutes: shorter phases, "
                + "labelled not the max sustainable rate; the isolation probe but no crash")
        boolean quick;

        @Option(names = "--full", description = "the thorough sweep: 1/2/4/8/16/64 callers, 8 s search windows, "
                + "latency at 25 % to 120 % of each one's max, network none, lan and wan, every first pass in 3 "
                + "fresh runs for the run-to-run spread (hours)")
        boolean full;

        SweepPlan plan() {
            return quick ? SweepPlan.QUICK : full ? SweepPlan.FULL : SweepPlan.DEFAULT;
        }
    }

    @Option(names = "--runs", paramLabel = "N", description = "fresh runs of each implementation's first pass, in "
            + "alternating order, for the run-to-run spread (default: the sweep's: 3 with --full, else 1)")
    Integer runs;

    @Option(names = "--impl", split = ",", paramLabel = "ID[,ID...]", defaultValue = "all",
            description = "the implementations to compare, or all (default: ${DEFAULT-VALUE})")
    List<String> implementations;

    @Option(names = "--orders-model", split = ",", paramLabel = "state|event-sourced[,...]", defaultValue = "state",
            description = "how the orders service keeps an order: a row updated in place, or its stream of events "
                    + "replayed for its state; with two, e.g. state,event-sourced, the first is compared in full and "
                    + "each implementation's first pass is run with the second too, side by side in the report "
                    + "(default: ${DEFAULT-VALUE})")
    List<String> ordersModels;

    @Option(names = "--network", split = ",", paramLabel = "none|lan|wan|DELAY[,...]",
            description = "the simulated networks to compare at, e.g. lan or none,wan (default: the sweep's: none, "
                    + "or none,lan,wan with --full)")
    List<String> networks;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "target/txlab-report",
            description = "where the report goes (default: ${DEFAULT-VALUE})")
    Path reportDir;

    @Mixin
    WorkloadMixOptions workloadMix;

    @Mixin
    AccountsOptions accountsOptions;

    /** How every run of the comparison keeps accounts (its flags, checked before anything runs). */
    private AccountsSetting accounts = AccountsSetting.STATE;

    @Option(names = "--no-progress", description = "no progress shown (a bar on a terminal, else a line every 10 s)")
    boolean noProgress;

    @Mixin
    VerboseOption verbosity;

    @Mixin
    PlacementOptions placement;

    @Mixin
    TransportOptions transportOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        SweepPlan chosen = runs == null ? sweep.plan() : sweep.plan().withRuns(runs);
        SweepPlan plan = networks == null ? chosen
                : chosen.withNetworks(networks.stream().map(NetworkProfile::parse).toList());
        List<ImplementationId> ids = ImplementationList.parse(implementations);
        WorkloadSpec workload = workloadMix.applyTo(WorkloadSpec.builder()).orders(WORKLOAD_CAPACITY).build();
        StoreConfig store = placement.toConfig();
        TransportSettings transport = transportOptions.toSettings();
        List<OrdersModel> models = ordersModels.stream().map(OrdersModel::parse).toList();
        accounts = accountsOptions.toSetting();
        if (models.stream().distinct().count() != models.size()) {
            throw new IllegalArgumentException("--orders-model names a model twice: " + String.join(",", ordersModels)
                    + "; name each once, e.g. state,event-sourced");
        }
        try (PrefixLock lock = PrefixLock.acquire(store, "compare");
             LogFile log = LogFile.open(reportDir.resolve("compare.log"))) {
            InapplicableFlags.warn(spec.commandLine().getParseResult(), ids, log.terminalErr());
            return compare(plan, ids, workload, store, transport, models, log);
        }
    }

    private int compare(SweepPlan plan, List<ImplementationId> ids, WorkloadSpec workload, StoreConfig store,
                        TransportSettings transport, List<OrdersModel> models, LogFile log) throws Exception {
        PrintStream out = log.terminal();
        OrdersModel model = models.get(0);
        List<OrdersModel> otherModels = models.subList(1, models.size());
        out.printf("txlab compare: %s on %s (durability %s), transport %s, orders model: %s%n",
                ids.stream().map(ImplementationId::id).toList(), store.describeKinds(), store.durability().id(),
                transport.describe(), models.stream().map(OrdersModel::id).collect(Collectors.joining(", then the "
                        + "first pass with ")));
        out.println("  " + plan.explained());

        Instant started = Instant.now();
        MachineLoadProbe machineLoad = MachineLoadProbe.start(store, transport);
        machineLoad.quietSecond();
        EnvironmentProbe environment = new EnvironmentProbe();
        List<Measurement> primitives = calibrate(plan, store, transport, out);
        List<ImplementationResult> measured = new ArrayList<>();
        List<RunToRun> runToRun = new ArrayList<>();
        List<Results.OrdersModelRun> otherOrdersModels = new ArrayList<>();
        int pairs = ids.size() * plan.networks().size();
        int otherModelPasses = ids.size() * otherModels.size() * plan.phasesPerRun();
        int secondPassPhases = 1 + plan.loadFractions().size();
        GuaranteeEvidence guarantees = new GuaranteeEvidence(store, transport, model, accounts, !sweep.quick);
        MachineLoad load;
        FaultMatrix evidence = null;
        try (CompareProgress progress = new CompareProgress(Progress.open(log.terminalErr(), "compare",
                (long) pairs * (plan.runs() * plan.phasesPerRun() + secondPassPhases) + otherModelPasses
                        + guarantees.steps(ids),
                noProgress))) {
            ComparisonSweep sweepRunner = sweep(plan, store, transport, workload, model, progress, environment);
            OtherOrdersModels others = new OtherOrdersModels(otherModels, other -> sweep(plan, store, transport,
                    workload, other, progress, environment));
            for (NetworkProfile network : plan.networks()) {
                List<ImplementationResult> firstPass = firstPass(sweepRunner, plan, ids, network, progress, runToRun,
                        network.equals(plan.networks().get(0)) ? others : NO_OTHER_MODELS);
                OptionalDouble common = CommonLoad.of(firstPass);
                for (int i = 0; i < ids.size(); i++) {
                    progress.passStarts(secondPassPhases);
                    measured.add(secondPass(sweepRunner, firstPass.get(i), ids.get(i), network, plan, common));
                    progress.passDone();
                }
            }
            otherOrdersModels.addAll(others.runs());
            load = machineLoad.load();
            if (guarantees.whyNot().isEmpty()) {
                progress.passStarts(guarantees.steps(ids));
                evidence = guarantees.gather(ids, (scenario, id) -> progress.phase(id.id(), scenario));
                progress.passDone();
            }
        }
        guarantees.whyNot().ifPresent(why -> out.println("  no guarantee evidence: " + why));
        Ceilings ceilings = new Ceilings(primitives, singleStoreKind(store), transport.kind().id(),
                Runtime.getRuntime().availableProcessors());
        List<ImplementationResult> withCeilings = measured.stream()
                .map(result -> ceilings.of(result.cost(), result.forcedWrites()).map(result::withCeiling).orElse(result)).toList();
        double elapsed = (Instant.now().toEpochMilli() - started.toEpochMilli()) / 1000.0;
        Method method = method(plan, store, transport, model, otherModels, workload, started, elapsed, environment,
                primitives, load, guarantees.describe(ids));
        Results results = new Results(Results.SCHEMA_VERSION, method, withCeilings, evidence, runToRun,
                otherOrdersModels);
        Path html = ResultsFiles.writeReport(reportDir, results, Optional.empty());
        new SummaryTable(out).print(results);
        out.println("report: " + html.toAbsolutePath() + " (also summary.md, results.json, results.csv; library logs "
                + "in " + log.path() + ")");
        return results.allPassed() ? TxlabCli.EXIT_OK : TxlabCli.EXIT_VIOLATIONS;
    }

    /** The sweep of this comparison's runs with one orders model. */
    private ComparisonSweep sweep(SweepPlan plan, StoreConfig store, TransportSettings transport, WorkloadSpec workload,
                                  OrdersModel model, CompareProgress progress, EnvironmentProbe environment) {
        return new ComparisonSweep(plan, (id, network, callers) -> RunOptions.builder(store, id).workload(workload)
                .callers(callers).transport(transport).network(network).ordersModel(model).accounts(accounts)
                .build(), progress,
                environment, new LatencyFiles(reportDir));
    }

    /**
     * Each implementation's first pass at one network, in the plan's fresh runs in alternating order;
     * with more than one, each one's spread goes to {@code runToRun} and its median run is returned.
     * In the first run, each implementation's first passes with the {@code others} orders models go
     * right beside its own.
     */
    private static List<ImplementationResult> firstPass(ComparisonSweep sweepRunner, SweepPlan plan,
                                                        List<ImplementationId> ids, NetworkProfile network,
                                                        CompareProgress progress, List<RunToRun> runToRun,
                                                        OtherOrdersModels others) throws InterruptedException {
        Map<ImplementationId, List<ImplementationResult>> runs = new LinkedHashMap<>();
        ids.forEach(id -> runs.put(id, new ArrayList<>()));
        for (int run = 0; run < plan.runs(); run++) {
            for (ImplementationId id : SweepPlan.runOrder(ids, run)) {
                boolean othersFirst = others.goFirst(ids, id);
                if (run == 0 && othersFirst) {
                    others.measure(id, network, progress, plan.phasesPerRun());
                }
                progress.passStarts(plan.phasesPerRun());
                runs.get(id).add(sweepRunner.measure(id, network));
                progress.passDone();
                if (run == 0 && !othersFirst) {
                    others.measure(id, network, progress, plan.phasesPerRun());
                }
            }
        }
        if (plan.runs() > 1) {
            runs.values().forEach(each -> runToRun.add(RunToRun.of(each)));
        }
        return runs.values().stream().map(RunToRun::representative).toList();
    }

    /**
     * The second pass of a result whose first passed and found a max sustainable rate: the common
     * load (when every implementation found one) and the plan's fractions of its own max.
     */
    private static ImplementationResult secondPass(ComparisonSweep sweepRunner, ImplementationResult first,
                                                   ImplementationId id, NetworkProfile network, SweepPlan plan,
                                                   OptionalDouble common) throws InterruptedException {
        if (!first.passed() || first.maxRate() == null || first.maxRate().rate() <= 0) {
            return first;
        }
        List<ComparisonSweep.Target> targets = new ArrayList<>();
        common.ifPresent(rate -> targets.add(new ComparisonSweep.Target(CommonLoad.LABEL, rate)));
        for (double fraction : plan.loadFractions()) {
            targets.add(new ComparisonSweep.Target(CommonLoad.ownLabel(fraction), fraction * first.maxRate().rate()));
        }
        return sweepRunner.atLoads(first, id, network, targets);
    }

    /**
     * The primitives, each alone, before the runs (on databases of their own): windows of a third of
     * the sweep's iteration (a third of a second at least), as many as its iterations. A calibration
     * that cannot run leaves the ceilings out and says why; it never stops the comparison.
     */
    private static List<Measurement> calibrate(SweepPlan plan, StoreConfig store, TransportSettings transport,
                                               PrintStream out) {
        Duration window = plan.iteration().dividedBy(3);
        Calibration calibration = new Calibration(window.compareTo(MIN_CALIBRATION_WINDOW) < 0 ? MIN_CALIBRATION_WINDOW
                : window, plan.iterations());
        try {
            calibration.measureIdle();
            List<Measurement> primitives = Primitives.measureOnOwnPrefix(calibration, store, transport);
            out.println("  primitives measured alone (txlab calibrate), for the ceilings");
            return primitives;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while measuring the primitives", e);
        } catch (Exception e) {
            out.println("  primitives not measured, so no ceilings: " + e.getMessage());
            return List.of();
        }
    }

    private static boolean uses(StoreConfig store, StoreKind kind) {
        return Arrays.stream(ServiceName.values()).anyMatch(service -> store.kind(service) == kind);
    }

    /** The one store kind of a comparison on one kind; null for a mix (its ceilings are not computed yet). */
    private static String singleStoreKind(StoreConfig store) {
        List<String> kinds = Arrays.stream(ServiceName.values()).map(s -> store.kind(s).id()).distinct().toList();
        return kinds.size() == 1 ? kinds.get(0) : null;
    }

    private Method method(SweepPlan plan, StoreConfig store, TransportSettings transport, OrdersModel model,
                          List<OrdersModel> otherModels, WorkloadSpec workload, Instant started, double elapsed, EnvironmentProbe environment,
                          List<Measurement> primitives, MachineLoad machineLoad, String guaranteeEvidence) {
        Map<String, String> settings = new LinkedHashMap<>();
        if (uses(store, StoreKind.POSTGRES)) {
            settings.put("PostgreSQL server", Secrets.maskUrl(placement.postgresUrl) + " as " + placement.postgresUser);
        }
        if (uses(store, StoreKind.MARIADB)) {
            settings.put("MariaDB server", Secrets.maskUrl(placement.mariadbUrl) + " as " + placement.mariadbUser);
        }
        settings.put("data directory", store.dataDir().toString());
        settings.put("database prefix", store.prefix());
        settings.put("transaction managers", TmSettings.ofDefaults().describe());
        settings.put("saga consumers", SagaRuntime.CONSUMERS + " threads per subscription, "
                + transport.batching().describe());
        settings.put("orders model", model.id() + (model == OrdersModel.STATE ? " (each order a row updated in "
                + "place)" : " (each order its stream of events, its state replayed; saga-choreo publishes its "
                + "CREATED event from the event store)") + (otherModels.isEmpty() ? "" : "; each implementation's "
                + "first pass also with " + otherModels.stream().map(OrdersModel::id).collect(Collectors.joining(
                ", ")) + ", side by side in section 4"));
        settings.put("accounts model", accounts.describe() + (accounts.model() == AccountsModel.STATE
                ? " (each account a row locked and updated)" : " (each account its stream of events, its balance "
                + "replayed; a version taken retried from the reload)"));
        settings.put("guarantee evidence", guaranteeEvidence);
        settings.put("connection pools", "orders database: callers + " + ResourceNeeds.BACKGROUND_CONNECTIONS
                + ", each other: " + ResourceNeeds.BACKGROUND_CONNECTIONS + " (XA: 6 each, beside the transaction "
                + "manager's callers + 2 and a recovery connection per database)");
        List<String> command = new ArrayList<>(List.of("txlab"));
        command.addAll(spec.commandLine().getParseResult().originalArgs());
        return new Method(plan.name(), plan.explained(), started.truncatedTo(ChronoUnit.SECONDS).toString(), elapsed,
                EnvironmentProbe.gitCommit(),
                String.join(" ", Secrets.maskArgs(command)), store.describeKinds(), store.durability().id(),
                store.durabilityNotes(), transport.describe(), workload.describe() + " (each phase takes the next "
                + "orders in sequence)", workload.seed(), "simulated in Java (this kernel has no netem): parkNanos of "
                + "twice the one-way delay per JDBC round trip on the calling thread, and of the one-way delay per "
                + "message hop on the publishing thread before the send; profiles none, lan = 250 us, wan = 10 ms "
                + "one way", settings,
                environment.environment(), Ceilings.asReported(primitives), machineLoad);
    }
}
