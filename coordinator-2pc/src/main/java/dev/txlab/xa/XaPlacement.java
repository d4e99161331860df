package dev.txlab.xa;

import dev.txlab.domain.model.OrderRequest;
import dev.txlab.domain.model.Outcome;
import dev.txlab.domain.service.OrderFlow;
import dev.txlab.domain.service.ServiceName;
import dev.txlab.harness.placement.ConcurrencyRetry;
import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.harness.placement.SynchronousPlacement;
import dev.txlab.harness.placement.TmIdentity;
import dev.txlab.harness.placement.spi.PlacementContext;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.NotSupportedException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;


import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The order in one global transaction: the shared flow with each service's steps on an enlisted XA
 * connection of its own database, then two-phase commit. A business refusal rolls the global
 * transaction back (the order is then recorded REJECTED by {@link SynchronousPlacement}).
 */
final class XaPlacement extends SynchronousPlacement {
    /** SQL state given to a commit that failed because a participant met a deadlock or lock timeout. */
    private static final String CONCURRENCY_STATE = "40001";

    private final XaEngine engine;
    private final XaProtocolPoints points;
    private final PlacementContext context;
    private final OrderFlow flow;

    XaPlacement(ImplementationId id, XaEngine engine, XaProtocolPoints points, PlacementContext context) {
        super(id, context);
        this.engine = engine;
        this.points = points;
        this.context = context;
        this.flow = new OrderFlow(context.services(), context.trace(), context.clock());
    }

    /** Recovers what an earlier run of this TM left in doubt before taking orders. */
    @Override
    public void start() {
        engine.recoverNow();
    }

    @Override
    public List<String> unreadableLogRecords() {
        return engine.unreadableLogRecords();
    }

    @Override
    protected Outcome attempt(OrderRequest order) throws SQLException {
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

    @Override
    public String terminationBoundExplained() {
        return super.terminationBoundExplained() + "; after a crash, recovery presumes abort after "
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
