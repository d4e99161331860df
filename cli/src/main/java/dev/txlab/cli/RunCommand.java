package dev.txlab.cli;

import dev.txlab.cli.compare.ForcedWriteWindow;
import dev.txlab.harness.audit.AuditReport;
import dev.txlab.harness.cost.ServerCountCheck;
import dev.txlab.harness.fault.FaultPlan;
import dev.txlab.harness.network.NetworkProfile;
import dev.txlab.domain.model.AccountsModel;
import dev.txlab.domain.model.OrdersModel;
import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.harness.placement.OrderResult;
import dev.txlab.harness.placement.SubmitFailedException;
import dev.txlab.harness.placement.TmSettings;
import dev.txlab.harness.placement.TransportSettings;
import dev.txlab.harness.run.AccountsSetting;
import dev.txlab.harness.run.OrderListener;
import dev.txlab.harness.run.PrefixLock;
import dev.txlab.harness.run.Run;
import dev.txlab.harness.run.RunOptions;
import dev.txlab.harness.run.RunResult;
import dev.txlab.harness.store.ServerTransactionCount;
import dev.txlab.harness.store.BytesWritten;
import dev.txlab.harness.store.StoreConfig;
import dev.txlab.harness.workload.WorkloadSpec;
import dev.txlab.load.LatencyStats;
import dev.txlab.report.ForcedWritesPerOrder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code txlab run}: a fresh run of one implementation, audited, with its figures printed. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Seeds the databases, places the orders with N concurrent callers, audits, prints the figures.")
final class RunCommand implements Callable<Integer> {
    private static final int SHOWN_VIOLATIONS = 50;
    /** The run's log, in its folder under the data directory: library output and stack traces. */
    static final String LOG_FILE = "run.log";
    /** How long the server count waits for the run's connections to close (a TM's pool closes in the background). */
    private static final Duration CLOSE_PATIENCE = Duration.ofSeconds(10);

    @Option(names = "--impl", required = true, paramLabel = "ID",
            description = "local-baseline, xa-narayana, xa-atomikos, saga-choreo or saga-orch")
    String implementation;

    @Option(names = "--concurrency", defaultValue = "4", description = "concurrent callers (default: ${DEFAULT-VALUE})")
    int concurrency;

    @Option(names = "--rate", paramLabel = "ORDERS_PER_SECOND",
            description = "an open loop instead of callers: orders arrive at this rate whatever the system does, "
                    + "handed to --concurrency workers, for --duration; as many orders as rate x duration (not "
                    + "--orders)")
    Double rate;

    @Option(names = "--duration", paramLabel = "DURATION",
            description = "with --rate: how long, e.g. 90s or 10m; printed per minute (throughput, latency, live heap)")
    String duration;

    @Option(names = "--crash", paramLabel = "POINT[@N]", description = "halt the JVM at the N-th hit of a crash point")
    String crash;

    @Option(names = "--network", paramLabel = "none|lan|wan|DELAY", defaultValue = "none",
            description = "simulated network, added in Java at the decorator points to every JDBC round trip (twice "
                    + "the one-way delay) and message hop (once): lan = 250us, wan = 10ms one way, or e.g. 500us, 2ms "
                    + "(default: ${DEFAULT-VALUE})")
    String network;

    @Option(names = "--orders-model", paramLabel = "state|event-sourced", defaultValue = "state",
            description = "how the orders service keeps an order: a row updated in place, or its stream of events "
                    + "(created, approved or rejected) replayed for its state (default: ${DEFAULT-VALUE})")
    String ordersModel;

    @Mixin
    AccountsOptions accountsOptions;

    @Option(names = "--count-forced-writes", description = "count forced writes (fsync and kin) per order by "
            + "component, with strace attached to this JVM and the local servers (closed loop only: strace slows "
            + "the run, so its throughput is then not a result)")
    boolean countForcedWrites;

    @Option(names = "--no-progress", description = "no progress shown (a bar on a terminal, else a line every 10 s)")
    boolean noProgress;

    @Mixin
    VerboseOption verbosity;

    @Mixin
    PlacementOptions placement;

    @Mixin
    WorkloadOptions workload;

    @Mixin
    TmOptions tmOptions;

    @Mixin
    TransportOptions transportOptions;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws Exception {
        ImplementationId id = ImplementationId.parse(implementation);
        Flags.require(concurrency >= 1, "--concurrency must be at least 1, was " + concurrency);
        Optional<Duration> openLoop = openLoopDuration();
        WorkloadSpec spec = openLoop.map(length -> workload.toSpec(ordersFor(rate, length)))
                .orElseGet(workload::toSpec);
        StoreConfig store = placement.toConfig();
        FaultPlan faults = crash == null ? FaultPlan.NONE : FaultPlan.parseCrash(crash);
        TmSettings tm = tmOptions.toSettings(id);
        TransportSettings transport = transportOptions.toSettings();
        NetworkProfile networkProfile = NetworkProfile.parse(network);
        OrdersModel model = OrdersModel.parse(ordersModel);
        AccountsSetting accounts = accountsOptions.toSetting();
        try (PrefixLock lock = PrefixLock.acquire(store, "run");
             LogFile log = LogFile.open(store.runDir().resolve(LOG_FILE))) {
            InapplicableFlags.warn(command.commandLine().getParseResult(), List.of(id), log.terminalErr());
            DiskEstimate.warn(store, id, spec.orders(), log.terminalErr());
            PrintStream out = log.terminal();
            out.printf("txlab run: %s on %s (durability %s), %s, seed %d, skew %s, refusal rate %s each, "
                            + "conflict-free: %s, orders model: %s%n",
                    id, store.describeKinds(), store.durability().id(), openLoop.map(length -> String.format(
                            Locale.ROOT, "open loop at %.1f orders/s for %d s with %d workers", rate,
                            length.toSeconds(), concurrency)).orElse(spec.orders() + " orders, concurrency "
                            + concurrency), spec.seed(), spec.skew(), workload.mix.refusalRate,
                    spec.conflictFree() ? "yes" : "no", model.id());
            if (accounts.model() == AccountsModel.EVENT_SOURCED) {
                out.println("  accounts: " + accounts.describe() + ", customer skew " + spec.customerSkew());
            }
            store.durabilityNotes().forEach(note -> out.println("  note: " + note));
            if (!networkProfile.isNone()) {
                out.println("  network: " + networkProfile.describe() + ", simulated in Java (parkNanos per JDBC "
                        + "round trip, on the publishing thread per message sent; this kernel has no netem)");
            }
            Run run = Run.prepare(RunOptions.builder(store, id)
                    .workload(spec)
                    .callers(concurrency)
                    .faults(faults)
                    .tm(tm)
                    .transport(transport)
                    .network(networkProfile)
                    .ordersModel(model)
                    .accounts(accounts)
                    .build());
            int exitCode;
            int completed;
            try (run) {
                out.println("  databases: " + Databases.describe(run.stores()));
                run.placement().transactionManagerDescription()
                        .ifPresent(tmLine -> out.println("  transaction manager: " + tmLine));
                run.placement().transportDescription().ifPresent(line -> out.println("  transport: " + line));
                LatencyStats outcomeLatency = new LatencyStats("outcome latency, submit to final outcome");
                LatencyStats ackLatency = new LatencyStats("ack latency, submit to acknowledgement");
                OpenLoopRun openLoopRun = new OpenLoopRun(run, concurrency, out);
                RunResult[] placed = new RunResult[1];
                ForcedWritesPerOrder forcedWrites = null;
                BytesWritten bytesWritten = BytesWritten.from(run.stores());
                if (openLoop.isPresent()) {
                    placed[0] = openLoopRun.execute(rate, openLoop.get(), outcomeLatency, ackLatency);
                } else if (countForcedWrites) {
                    forcedWrites = ForcedWriteWindow.count(run, concurrency, () -> {
                        placed[0] = execute(run, outcomeLatency, ackLatency, spec.orders(), log);
                        return placed[0].completed();
                    });
                } else {
                    placed[0] = execute(run, outcomeLatency, ackLatency, spec.orders(), log);
                }
                RunResult result = placed[0];
                BytesWritten.Reading written = openLoop.isPresent() ? openLoopRun.bytesWritten()
                        : bytesWritten.sinceStart();
                AuditReport audit = run.audit();
                new RunPrinter(out, openLoop.isPresent() ? String.format(Locale.ROOT, "open loop at %.1f orders/s "
                        + "offered", rate) : "closed loop", openLoopRun.messagesBefore()).print(run, result, written,
                        outcomeLatency, ackLatency, audit, SHOWN_VIOLATIONS);
                if (forcedWrites != null) {
                    out.println("forced writes per order (strace attached to this JVM and the local servers; it slows "
                            + "the run, so the throughput above is not a result): " + forcedWrites.describe());
                }
                boolean notPlaced = new FailedSubmitsReport(out, log.path()).print(run.submitFailures(),
                        spec.orders(), faults);
                completed = result.completed();
                exitCode = !audit.ok() ? TxlabCli.EXIT_VIOLATIONS : notPlaced ? TxlabCli.EXIT_NOT_PLACED
                        : TxlabCli.EXIT_OK;
            }
            printServerCountCheck(out, store, run, completed);
            return exitCode;
        }
    }

    /**
     * On PostgreSQL, once the run has closed every connection: the transactions the decorator saw end
     * against the server's own count, so that a path around the decorator shows.
     */
    private static void printServerCountCheck(PrintStream out, StoreConfig store, Run closed, int orders)
            throws InterruptedException {
        Optional<ServerTransactionCount> count = ServerTransactionCount.of(store);
        if (count.isEmpty()) {
            return;
        }
        Optional<ServerTransactionCount.Reading> reading = count.get().afterEveryConnectionClosed(CLOSE_PATIENCE);
        out.println("counts checked against the server: " + reading
                .map(server -> ServerCountCheck.of(server, closed.costs(), orders).describe())
                .orElse("not checked: a connection to " + count.get().databases() + " was still open "
                        + CLOSE_PATIENCE.toSeconds() + " s after the run closed"));
    }

    /** The open loop's length when {@code --rate} asks for one, its flags checked. */
    private Optional<Duration> openLoopDuration() {
        if (rate == null && duration == null) {
            return Optional.empty();
        }
        Flags.require(rate != null && duration != null, "--rate and --duration go together: an open loop at a rate "
                + "for a time, e.g. --rate 300 --duration 10m");
        Flags.require(rate > 0, "--rate must be above 0 orders/s, was " + rate);
        Flags.require(!countForcedWrites, "--count-forced-writes goes with a closed loop (--orders), not --rate: "
                + "strace slows every system call of the run, so an open loop would only fall behind");
        Flags.require(!command.commandLine().getParseResult().hasMatchedOption("--orders"), "--orders does not go "
                + "with --rate: the open loop places as many orders as rate x duration");
        Duration length = Flags.duration("--duration", duration);
        Flags.require(length.toSeconds() >= 1, "--duration must be at least 1s, was " + duration);
        return Optional.of(length);
    }

    /** The orders an open loop at {@code perSecond} for {@code length} can take, with its warm-up and its last ticks. */
    static int ordersFor(double perSecond, Duration length) {
        return (int) Math.ceil(perSecond * length.toMillis() / 1000.0 * 1.01) + 10 + OpenLoopRun.WARM_UP_ORDERS;
    }

    private RunResult execute(Run run, LatencyStats outcomeLatency, LatencyStats ackLatency, int orders, LogFile log)
            throws InterruptedException {
        try (Progress progress = Progress.open(log.terminalErr(), "orders", orders, noProgress)) {
            return run.execute(new OrderListener() {
                @Override
                public void completed(OrderResult result, long ackNanos, long outcomeNanos) {
                    outcomeLatency.record(outcomeNanos);
                    ackLatency.record(ackNanos);
                    progress.step();
                }

                @Override
                public void submitFailed(SubmitFailedException failure) {
                    progress.step();
                }
            });
        }
    }
}
