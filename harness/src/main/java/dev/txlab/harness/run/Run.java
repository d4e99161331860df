package dev.txlab.harness.run;

import dev.txlab.domain.model.OrdersModel;
import dev.txlab.domain.service.AppendListener;
import dev.txlab.domain.service.ServiceName;
import dev.txlab.domain.trace.StepTrace;
import dev.txlab.harness.audit.AuditReport;
import dev.txlab.harness.audit.ConsistencyAudit;
import dev.txlab.harness.audit.spi.LeftoverCheck;
import dev.txlab.harness.cost.CostCounters;
import dev.txlab.harness.fault.CrashPoint;
import dev.txlab.harness.fault.CrashPoints;
import dev.txlab.harness.fault.DatabaseOutageInjector;
import dev.txlab.harness.network.JdbcNetworkDelay;
import dev.txlab.harness.network.SimulatedDelay;
import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.harness.placement.OrderPlacement;
import dev.txlab.harness.placement.TransportSettings;
import dev.txlab.harness.placement.spi.PlacementContext;
import dev.txlab.harness.placement.spi.PlacementProvider;
import dev.txlab.harness.placement.spi.ResourceNeeds;
import dev.txlab.harness.readmodel.CommitStamps;
import dev.txlab.harness.readmodel.ReadModelLag;
import dev.txlab.harness.readmodel.ReadModelProjector;
import dev.txlab.harness.store.Durability;
import dev.txlab.harness.store.JdbcDecorator;
import dev.txlab.harness.store.StoreConfig;
import dev.txlab.harness.store.Stores;
import dev.txlab.harness.store.Topology;
import dev.txlab.harness.workload.InitialStateWriter;
import dev.txlab.harness.workload.Workload;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One run of one implementation: prepared fresh (databases reset, initial state written, run
 * record written, placement started, setup marked complete), executed in a closed loop, audited.
 */
public final class Run implements AutoCloseable {
    private final RunOptions options;
    private final Workload workload;
    private final Stores stores;
    private final OrderPlacement placement;
    private final CostCounters costs;
    private final JdbcNetworkDelay network;
    private final StepTrace trace;
    private final Ledger ledger;
    private final OrderFeed feed;
    private final SubmitFailures submitFailures = new SubmitFailures();
    private final RunRecord record;
    /** The fault plan's database outage, armed when the orders start. */
    private final Optional<DatabaseOutageInjector> outage;
    private final PrefixLock lock;
    private final DiskWatch diskWatch;
    private final CrashPoints crashPoints;
    /** The read models' projector of an event-sourced run. */
    private final Optional<ReadModelProjector> projector;
    private final AccountTally accounts;

    private Run(RunOptions options, Workload workload, Stores stores, CrashPoints crashPoints,
                OrderPlacement placement, CostCounters costs, JdbcNetworkDelay network, StepTrace trace,
                Ledger ledger, RunRecord record, Optional<DatabaseOutageInjector> outage, PrefixLock lock,
                Optional<ReadModelProjector> projector, AccountTally accounts) {
        this.options = options;
        this.workload = workload;
        this.stores = stores;
        this.crashPoints = crashPoints;
        this.placement = placement;
        this.costs = costs;
        this.network = network;
        this.trace = trace;
        this.ledger = ledger;
        this.feed = new OrderFeed(placement, workload, ledger, submitFailures);
        this.record = record;
        this.outage = outage;
        this.lock = lock;
        this.projector = projector;
        this.accounts = accounts;
        this.diskWatch = DiskWatch.start(options.store().dataDir(), diskSpace(options, ledger),
                usesEmbeddedBroker(options), feed::stop);
    }

    /** The data directory's free space as the run sees it: the fault plan may report it full after some orders. */
    private static DiskSpace diskSpace(RunOptions options, Ledger ledger) {
        DiskSpace real = DiskSpace.of(options.store().dataDir());
        return options.faults().diskFull().<DiskSpace>map(full -> () -> ledger.seal().acknowledged()
                >= full.afterAcknowledged() ? new DiskSpace.Usage(0, real.usage().total()) : real.usage())
                .orElse(real);
    }

    /** Whether the run's broker is the embedded Artemis, whose journal lives in the data directory. */
    private static boolean usesEmbeddedBroker(RunOptions options) {
        return options.implementation().coordination() == ImplementationId.Coordination.SAGA
                && options.transport().kind() == TransportSettings.Kind.ARTEMIS;
    }

    /** The services whose data lives in the same database as the given one's (in one topology). */
    private static Set<ServiceName> sharingDatabaseWith(StoreConfig config, Topology topology, ServiceName service) {
        String database = config.location(service, topology).name();
        return Arrays.stream(ServiceName.values())
                .filter(other -> config.location(other, topology).name().equals(database))
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Takes the prefix's lock ({@link PrefixLock}: one process at a time), checks that the servers
     * can serve the run ({@link Preflight}) and that its data directory has room ({@link DiskWatch}):
     * nothing is touched when they cannot. Then marks the setup begun ({@link SetupMarker}), resets the
     * prefix's databases and prepares a fresh run, its pools sized for its callers; the placement is
     * started. The run holds the lock, and watches the disk, until it is closed.
     */
    public static Run prepare(RunOptions options) throws SQLException {
        PrefixLock lock = PrefixLock.acquire(options.store(), "run");
        try {
            return prepare(options, lock);
        } catch (SQLException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private static Run prepare(RunOptions options, PrefixLock lock) throws SQLException {
        PlacementProvider provider = PlacementProvider.forId(options.implementation());
        Preflight.of(options.store(), provider).check(options.concurrency());
        DiskWatch.checkBeforeRun(options.store().dataDir(), DiskSpace.of(options.store().dataDir()),
                usesEmbeddedBroker(options));
        ResourceNeeds needs = provider.needs(options.concurrency());
        StoreConfig config = options.store().withPoolSizes(needs.ordersPool(), needs.otherPool());
        Workload workload = Workload.of(options.workload());
        SetupMarker.write(config, "the setup of a " + options.implementation() + " run started "
                + options.clock().instant() + " (" + PrefixLock.Holder.describe("run") + ")");
        Stores.reset(config);
        RunLogs.clear(config.runDir());
        CostCounters costs = new CostCounters();
        StepTrace trace = StepTrace.ofDefaults();
        JdbcNetworkDelay network = new JdbcNetworkDelay(options.network());
        Optional<DatabaseOutageInjector> outage = options.faults().databaseOutage().map(planned ->
                new DatabaseOutageInjector(planned, sharingDatabaseWith(config, provider.topology(), planned.service()),
                        options.clock()));
        Optional<CommitStamps> stamps = options.ordersModel() == OrdersModel.EVENT_SOURCED
                ? Optional.of(new CommitStamps()) : Optional.empty();
        JdbcDecorator decorator = stamps.map(JdbcDecorator.of(costs, network)::with)
                .orElse(JdbcDecorator.of(costs, network));
        Stores stores = Stores.open(config, provider.topology(), outage.map(decorator::with).orElse(decorator));
        OrderPlacement placement = null;
        Optional<ReadModelProjector> projector = Optional.empty();
        try {
            InitialStateWriter.write(workload.initialState(), stores::dataSource, options.accounts().model());
            Clock clock = options.clock();
            AccountTally accounts = new AccountTally();
            PlacementContext context = options.placementContext(stores, trace, true,
                    stamps.<AppendListener>map(s -> s).orElse(AppendListener.NONE), accounts);
            placement = provider.create(context);
            RunRecord record = new RunRecord(RunIds.next(clock), options.implementation(), provider.topology(),
                    options.workload(), config.durability(), placement.terminationBound(), placement.tmIdentity(),
                    false, clock.instant(), Optional.empty(), options.ordersModel(), options.accounts());
            try (Connection connection = stores.dataSource(ServiceName.ORDERS).getConnection()) {
                RunRecords.write(connection, record, workload.initialState());
            }
            SetupMarker.remove(config);
            Ledger ledger = Ledger.create(Ledgers.path(config), record.runId(), options.implementation() + " on "
                    + config.describeKinds() + " (orders database " + config.location(ServiceName.ORDERS).describe()
                    + "), started " + record.startedAt(), config.durability() == Durability.POWER);
            placement.start();
            projector = ReadModelProjector.startFor(options.ordersModel(), stores.dataSource(ServiceName.ORDERS),
                    stamps, context.crashPoints());
            try (Connection connection = stores.dataSource(ServiceName.ORDERS).getConnection()) {
                RunRecords.markSetupComplete(connection);
            }
            return new Run(options, workload, stores, context.crashPoints(), placement, costs, network, trace, ledger, record,
                    outage, lock, projector, accounts);
        } catch (SQLException | RuntimeException e) {
            projector.ifPresent(ReadModelProjector::close);
            if (placement != null) {
                placement.close();
            }
            stores.close();
            throw e;
        }
    }

    /**
     * Runs every order of the workload with the configured number of callers, then waits (within the
     * termination bound) until the implementation is quiescent, so the audit sees a settled state.
     *
     * @throws RunStoppedException when the run had to stop before its workload ended (the disk full)
     */
    public RunResult execute(OrderListener listener) throws InterruptedException {
        outage.ifPresent(DatabaseOutageInjector::arm);
        RunResult result = new ClosedLoop(feed, outcomeWait(), costs, listener).run(options.concurrency());
        Optional<String> stopped = feed.stopped();
        if (stopped.isPresent()) {
            throw new RunStoppedException(stopped.get() + ": " + ledger.seal().acknowledged() + " orders "
                    + "acknowledged; run `txlab recover` with the same flags after freeing space");
        }
        awaitQuiescence();
        return result;
    }

    /**
     * The workload's orders for a driver of its own (the load runner, a benchmark); what it submits
     * through the feed is in the ledger like the closed loop's orders.
     */
    public OrderFeed feed() {
        return feed;
    }

    /** How long a driver waits for one order's outcome before counting it unfinished: the I5 bound and a second. */
    public Duration outcomeWait() {
        return record.terminationBound().plusSeconds(1);
    }

    /**
     * Waits, within the termination bound, until nothing the implementation started is in flight, and
     * then, within it again, until the read models (of an event-sourced run) have caught up.
     */
    public void awaitQuiescence() {
        placement.awaitQuiescence(record.terminationBound());
        if (projector.isPresent()) {
            awaitProjected(projector.get(), record.terminationBound());
        }
    }

    /** Waits until the projector caught up, at most {@code bound} (the audit then names what it left). */
    static void awaitProjected(ReadModelProjector projector, Duration bound) {
        try {
            projector.awaitCaughtUp(bound);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What the run's event-sourced accounts told so far (nothing under the state model). */
    public AccountTally accounts() {
        return accounts;
    }

    /** The read models' lag so far (an event-sourced run); empty under the state model. */
    public Optional<ReadModelLag> readModelLag() {
        return projector.map(ReadModelProjector::lag);
    }

    /** The submits that failed so far, whoever drove them (the closed loop, a load runner, a benchmark). */
    public SubmitFailures submitFailures() {
        return submitFailures;
    }

    /** How many round trips the fault plan's database outage refused (0 without one). */
    public long refusedByDatabaseOutage() {
        return outage.map(DatabaseOutageInjector::refused).orElse(0L);
    }

    /** The round trips counted at the JDBC decorator so far. */
    public CostCounters.Costs costs() {
        return costs.snapshot();
    }

    /** Audits the run's databases against its ledger, which must hold what this run appended so far. */
    public AuditReport audit() throws SQLException {
        Ledgers.LedgerCheck ledgerCheck = Ledgers.acknowledged(options.store(), record, Optional.of(ledger.seal()));
        return new ConsistencyAudit(stores::dataSource, workload.initialState(), record.terminationBound(),
                options.clock()).audit(ledgerCheck.ids()).plus(ledgerCheck.problems())
                .plus(LeftoverCheck.all(stores, record));
    }

    public RunRecord record() {
        return record;
    }

    public Stores stores() {
        return stores;
    }

    /** How often the run passed a protocol point, armed or not (the fault plan's version conflicts, say). */
    public long hits(CrashPoint point) {
        return crashPoints.hits(point);
    }

    public OrderPlacement placement() {
        return placement;
    }

    /** The simulated network's delays added to JDBC round trips so far, achieved. */
    public SimulatedDelay.Achieved jdbcNetworkDelay() {
        return network.achieved();
    }

    public RunOptions options() {
        return options;
    }

    public StepTrace trace() {
        return trace;
    }

    public Workload workload() {
        return workload;
    }

    /** Stops the implementation, seals the ledger into the run record (the run has ended), releases the prefix. */
    @Override
    public void close() {
        try {
            diskWatch.close();
            try {
                try {
                    placement.close();
                } finally {
                    projector.ifPresent(ReadModelProjector::close);
                }
            } finally {
                ledger.close();
            }
            sealLedger();
        } finally {
            stores.close();
            lock.close();
        }
    }

    private void sealLedger() {
        RunRecords.sealLedger(stores.location(ServiceName.ORDERS), ledger.seal());
    }
}
