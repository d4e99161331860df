package dev.txlab.harness.run;

import dev.txlab.domain.service.ServiceName;
import dev.txlab.domain.trace.StepTrace;
import dev.txlab.harness.audit.AuditReport;
import dev.txlab.harness.audit.Invariant;
import dev.txlab.harness.audit.Violation;
import dev.txlab.harness.cost.MessageCounts;
import dev.txlab.harness.fault.CrashPoints;
import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.harness.placement.OrderPlacement;
import dev.txlab.harness.placement.TmSettings;
import dev.txlab.harness.placement.TransportSettings;
import dev.txlab.harness.placement.spi.PlacementProvider;
import dev.txlab.harness.readmodel.ReadModelProjector;
import dev.txlab.harness.store.JdbcDecorator;
import dev.txlab.harness.store.StoreConfig;
import dev.txlab.harness.store.Stores;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Brings a run that was killed back to quiescence ({@code txlab recover}): an unfinished setup is
 * redone (no order was acknowledged before setup completed); otherwise the implementation is
 * started over the same stores, logs and broker, which runs its recovery (for XA, until nothing of
 * its node is in doubt; for the sagas, until relays and consumers have brought every order to an
 * end, at most {@link #SAGA_QUIESCENCE}; for event-sourced orders, until the read models caught up). Then the recovered run is audited: recovery that leaves an
 * order broken never reads as done.
 */
public final class RunRecovery {
    /** How long recovery waits for an implementation to become quiescent. */
    public static final Duration SAGA_QUIESCENCE = Duration.ofSeconds(120);

    private RunRecovery() {
    }

    /**
     * What recovery did, and the audit of what it recovered: everything recovery left undone (the I3
     * and I5 findings) and every invariant it did not restore, with what the reader should know about
     * the run's ledger, and the messages recovery's placement counted (the sagas' relays and consumers
     * finishing what the run left).
     */
    public record Recovered(RunRecord record, boolean setupRedone, Duration took, AuditReport audit,
                            List<String> ledgerNotes, List<String> unreadableLogRecords, MessageCounts messages) {
        /** What recovery left undone: orders still PENDING or not terminal, branches in doubt, unpublished rows. */
        public List<Violation> left() {
            return audit.violations().stream()
                    .filter(v -> v.invariant() == Invariant.I3_NO_LEFTOVERS || v.invariant() == Invariant.I5_TERMINATION)
                    .toList();
        }

        public boolean complete() {
            return left().isEmpty();
        }
    }

    /**
     * Recovers the run the configuration points at.
     *
     * @param expected the implementation the caller believes ran, checked against the run record
     */
    public static Recovered recover(StoreConfig config, TmSettings tm, TransportSettings transport, Clock clock,
                                    Optional<ImplementationId> expected) throws SQLException {
        try (PrefixLock lock = PrefixLock.acquire(config, "recover")) {
            return recovered(config, tm, transport, clock, expected);
        }
    }

    private static Recovered recovered(StoreConfig config, TmSettings tm, TransportSettings transport, Clock clock,
                                       Optional<ImplementationId> expected) throws SQLException {
        long start = System.nanoTime();
        RunRecord record = RunRecords.find(config);
        expected.filter(id -> id != record.implementation()).ifPresent(id -> {
            throw new IllegalArgumentException("--impl " + id + " does not match the run found, which is "
                    + record.implementation());
        });
        if (!record.setupComplete()) {
            try (Run run = Run.prepare(RunOptions.builder(config, record.implementation())
                    .workload(record.workload())
                    .ordersModel(record.ordersModel()).accounts(record.accounts())
                    .clock(clock)
                    .tm(tm)
                    .transport(transport)
                    .build())) {
                return new Recovered(run.record(), true, Duration.ofNanos(System.nanoTime() - start), run.audit(),
                        List.of(), List.of(), MessageCounts.NONE);
            }
        }
        PlacementProvider provider = PlacementProvider.forId(record.implementation());
        List<String> unreadable;
        MessageCounts messages;
        try (Stores stores = Stores.open(config, record.topology(), JdbcDecorator.of())) {
            RunOptions options = RunOptions.builder(config, record.implementation())
                    .ordersModel(record.ordersModel()).accounts(record.accounts()).clock(clock).tm(tm)
                    .transport(transport).build();
            try (OrderPlacement placement = provider.create(options.placementContext(stores, StepTrace.ofDefaults(),
                    false))) {
                placement.start();
                Optional<ReadModelProjector> projector = ReadModelProjector.startFor(record.ordersModel(),
                        stores.dataSource(ServiceName.ORDERS), Optional.empty(), CrashPoints.disarmed());
                try {
                    placement.awaitQuiescence(SAGA_QUIESCENCE);
                    projector.ifPresent(readModels -> Run.awaitProjected(readModels, SAGA_QUIESCENCE));
                } finally {
                    projector.ifPresent(ReadModelProjector::close);
                }
                unreadable = placement.unreadableLogRecords();
                messages = placement.messageCounts().orElse(MessageCounts.NONE);
            }
        }
        RunAudit.Audited audited = RunAudit.audit(config, clock);
        return new Recovered(record, false, Duration.ofNanos(System.nanoTime() - start), audited.report(),
                audited.ledgerNotes(), unreadable, messages);
    }
}
