package dev.txlab.xa;

import dev.txlab.domain.model.OrderRequest;
import dev.txlab.domain.model.Outcome;
import dev.txlab.domain.model.RejectionReason;
import dev.txlab.domain.placement.ConcurrencyRetry;
import dev.txlab.domain.placement.ImplementationId;
import dev.txlab.domain.placement.OrderPlacement;
import dev.txlab.domain.placement.OrderResult;
import dev.txlab.domain.placement.Submission;
import dev.txlab.domain.placement.SubmitFailedException;
import dev.txlab.domain.placement.TmIdentity;
import dev.txlab.domain.placement.spi.PlacementContext;
import dev.txlab.domain.service.Ids;
import dev.txlab.domain.service.OrderFlow;
import dev.txlab.domain.service.OrderServices;
import dev.txlab.domain.service.ServiceName;
import dev.txlab.domain.store.StoreConfig;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.NotSupportedException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The order in one global transaction: the shared flow with each service's steps on an enlisted XA
 * connection of its own database, then two-phase commit. A business refusal rolls the global
 * transaction back and records the order REJECTED in a local transaction of the orders database.
 * Synchronous: the acknowledgement and the outcome coincide.
 */
final class XaPlacement implements OrderPlacement {
    /** SQL state given to a commit that failed because a participant met a deadlock or lock timeout. */
    private static final String CONCURRENCY_STATE = "40001";

    private final ImplementationId id;
    private final XaEngine engine;
    private final XaProtocolPoints points;
    private final PlacementContext context;
    private final OrderServices services;
    private final OrderFlow flow;
    private final Clock clock;
    private final ConcurrencyRetry retry = ConcurrencyRetry.ofDefaults();

    XaPlacement(ImplementationId id, XaEngine engine, XaProtocolPoints points, PlacementContext context) {
        this.id = id;
        this.engine = engine;
        this.points = points;
        this.context = context;
        this.clock = context.clock();
        this.services = OrderServices.create(clock, Ids.RANDOM_UUIDS);
        this.flow = new OrderFlow(services, context.trace(), clock);
    }

    @Override
    public ImplementationId id() {
        return id;
    }

    /** Recovers what an earlier run of this TM left in doubt before taking orders. */
    @Override
    public void start() {
        engine.recoverNow();
    }

    @Override
    public Submission submit(OrderRequest order) {
        Instant submittedAt = clock.instant();
        Outcome outcome;
        try {
            outcome = retry.run(() -> inGlobalTransaction(order))
                    .orElseGet(() -> Outcome.rejected(RejectionReason.CONCURRENCY));
            if (!outcome.isApproved()) {
                recordRejected(order, outcome.reason());
            }
        } catch (SQLException | RuntimeException e) {
            throw new SubmitFailedException(order.orderId(), e);
        }
        Instant done = clock.instant();
        OrderResult result = new OrderResult(order.orderId(), outcome, submittedAt, done, done);
        return new Submission(order.orderId(), submittedAt, done, CompletableFuture.completedFuture(result));
    }

    private Outcome inGlobalTransaction(OrderRequest order) throws SQLException {
        TransactionManager tm = engine.transactionManager();
        points.beginTransaction();
        try {
            tm.begin();
        } catch (NotSupportedException | SystemException e) {
            throw new SQLException("cannot begin a global transaction: " + e.getMessage(), e);
        }
        try (Branches branches = new Branches()) {
            Outcome outcome;
            try {
                outcome = flow.place(order, (service, step) -> step.run(branches.connection(service)));
            } catch (SQLException | RuntimeException e) {
                rollback(tm);
                throw e;
            }
            if (outcome.isApproved()) {
                commit(tm);
            } else {
                rollback(tm);
            }
            return outcome;
        }
    }

    /**
     * The connection of each participant in the current global transaction, opened at its first step
     * and kept to the end: a branch is started once and never suspended and rejoined (MariaDB refuses
     * to join a branch), so every TM sends the same XA calls.
     */
    private final class Branches implements AutoCloseable {
        private final Map<ServiceName, Connection> open = new EnumMap<>(ServiceName.class);

        Connection connection(ServiceName service) throws SQLException {
            Connection connection = open.get(service);
            if (connection == null) {
                connection = engine.dataSource(service).getConnection();
                open.put(service, connection);
            }
            return connection;
        }

        @Override
        public void close() throws SQLException {
            SQLException failure = null;
            for (Connection connection : open.values()) {
                try {
                    connection.close();
                } catch (SQLException e) {
                    failure = failure == null ? e : failure;
                }
            }
            if (failure != null) {
                throw failure;
            }
        }
    }

    private static void commit(TransactionManager tm) throws SQLException {
        try {
            tm.commit();
        } catch (RollbackException | HeuristicMixedException | HeuristicRollbackException | SystemException e) {
            String state = ConcurrencyRetry.isConcurrencyFailure(e) ? CONCURRENCY_STATE : null;
            throw new SQLException("the global transaction did not commit: " + e, state, e);
        }
    }

    private static void rollback(TransactionManager tm) throws SQLException {
        try {
            if (tm.getStatus() != Status.STATUS_NO_TRANSACTION) {
                tm.rollback();
            }
        } catch (SystemException e) {
            throw new SQLException("the global transaction did not roll back: " + e.getMessage(), e);
        }
    }

    private void recordRejected(OrderRequest order, RejectionReason reason) throws SQLException {
        try (Connection connection = context.stores().dataSource(ServiceName.ORDERS).getConnection()) {
            services.orders().recordRejected(connection, order, reason);
            connection.commit();
        }
    }

    @Override
    public Duration terminationBound() {
        return Duration.ofMillis((long) retry.attempts() * StoreConfig.LOCK_TIMEOUT_MS)
                .plus(retry.maxBackoff().multipliedBy(retry.attempts()));
    }

    @Override
    public String terminationBoundExplained() {
        return retry.attempts() + " attempts x " + StoreConfig.LOCK_TIMEOUT_MS / 1000
                + " s lock timeout + back-off (synchronous); after a crash, recovery presumes abort after "
                + context.tm().presumedAbortAfter().toSeconds() + " s";
    }

    @Override
    public Optional<String> transactionManagerDescription() {
        return Optional.of(engine.describe());
    }

    @Override
    public Optional<TmIdentity> tmIdentity() {
        return Optional.of(engine.identity());
    }

    @Override
    public void close() {
        engine.close();
    }
}
