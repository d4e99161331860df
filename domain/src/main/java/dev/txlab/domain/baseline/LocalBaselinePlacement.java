package dev.txlab.domain.baseline;

import dev.txlab.domain.fault.CrashPoint;
import dev.txlab.domain.fault.CrashPoints;
import dev.txlab.domain.model.OrderRequest;
import dev.txlab.domain.model.Outcome;
import dev.txlab.domain.model.RejectionReason;
import dev.txlab.domain.placement.ConcurrencyRetry;
import dev.txlab.domain.placement.ImplementationId;
import dev.txlab.domain.placement.OrderPlacement;
import dev.txlab.domain.placement.OrderResult;
import dev.txlab.domain.placement.Submission;
import dev.txlab.domain.placement.SubmitFailedException;
import dev.txlab.domain.placement.spi.PlacementContext;
import dev.txlab.domain.service.Ids;
import dev.txlab.domain.service.OrderFlow;
import dev.txlab.domain.service.OrderServices;
import dev.txlab.domain.service.ServiceName;
import dev.txlab.domain.store.StoreConfig;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * One local transaction per order on the one database: create PENDING, authorize, reserve, pay,
 * approve, commit. A refusal rolls everything back and records the order REJECTED in a second
 * transaction, exactly as the XA implementations do, so all reach the same rows. Synchronous: the
 * acknowledgement and the outcome coincide.
 */
final class LocalBaselinePlacement implements OrderPlacement {
    private final DataSource dataSource;
    private final OrderServices services;
    private final OrderFlow flow;
    private final CrashPoints crashPoints;
    private final Clock clock;
    private final ConcurrencyRetry retry = ConcurrencyRetry.ofDefaults();

    LocalBaselinePlacement(PlacementContext context) {
        this.dataSource = context.stores().dataSource(ServiceName.ORDERS);
        this.clock = context.clock();
        this.services = OrderServices.create(clock, Ids.RANDOM_UUIDS);
        this.flow = new OrderFlow(services, context.trace(), clock);
        this.crashPoints = context.crashPoints();
    }

    @Override
    public ImplementationId id() {
        return ImplementationId.LOCAL_BASELINE;
    }

    @Override
    public void start() {
    }

    @Override
    public Submission submit(OrderRequest order) {
        Instant submittedAt = clock.instant();
        Outcome outcome;
        try {
            outcome = retry.run(() -> attempt(order))
                    .orElseGet(() -> Outcome.rejected(RejectionReason.CONCURRENCY));
            if (outcome.reason() == RejectionReason.CONCURRENCY) {
                recordRejected(order, RejectionReason.CONCURRENCY);
            }
        } catch (SQLException | RuntimeException e) {
            throw new SubmitFailedException(order.orderId(), e);
        }
        Instant done = clock.instant();
        OrderResult result = new OrderResult(order.orderId(), outcome, submittedAt, done, done);
        return new Submission(order.orderId(), submittedAt, done, CompletableFuture.completedFuture(result));
    }

    private Outcome attempt(OrderRequest order) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            try {
                Outcome outcome = flow.place(order, (service, step) -> step.run(connection));
                if (!outcome.isApproved()) {
                    connection.rollback();
                    services.orders().recordRejected(connection, order, outcome.reason());
                }
                crashPoints.hit(CrashPoint.BASELINE_BEFORE_COMMIT);
                connection.commit();
                crashPoints.hit(CrashPoint.BASELINE_AFTER_COMMIT);
                return outcome;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private void recordRejected(OrderRequest order, RejectionReason reason) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
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
                + " s lock timeout + back-off (synchronous: the outcome comes with the acknowledgement)";
    }

    @Override
    public void close() {
    }
}
