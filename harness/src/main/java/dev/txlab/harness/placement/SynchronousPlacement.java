package dev.txlab.harness.placement;

import dev.txlab.domain.model.OrderRequest;
import dev.txlab.domain.model.Outcome;
import dev.txlab.domain.model.RejectionReason;
import dev.txlab.domain.service.OrdersService;
import dev.txlab.domain.service.ServiceName;
import dev.txlab.harness.placement.spi.PlacementContext;
import dev.txlab.harness.store.StoreConfig;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;

/**
 * What the synchronous implementations (the local baseline and both XA ones) share: one atomic
 * attempt per order, retried on deadlocks and lock timeouts, then REJECTED(CONCURRENCY); a refused
 * order recorded REJECTED in a local transaction of the orders database after the attempt rolled
 * everything back. The acknowledgement and the outcome coincide.
 */
public abstract class SynchronousPlacement implements OrderPlacement {
    private final ImplementationId id;
    private final DataSource ordersDataSource;
    private final OrdersService orders;
    private final Clock clock;
    private final ConcurrencyRetry retry = ConcurrencyRetry.ofDefaults();

    protected SynchronousPlacement(ImplementationId id, PlacementContext context) {
        this.id = id;
        this.ordersDataSource = context.stores().dataSource(ServiceName.ORDERS);
        this.orders = context.services().orders();
        this.clock = context.clock();
    }

    /**
     * Places the order atomically: commits everything when approved, rolls everything back when
     * refused, and returns the outcome. A deadlock or lock timeout is thrown, for a retry.
     */
    protected abstract Outcome attempt(OrderRequest order) throws SQLException;

    @Override
    public final ImplementationId id() {
        return id;
    }

    @Override
    public final Submission submit(OrderRequest order) {
        Instant submittedAt = clock.instant();
        Outcome outcome;
        try {
            outcome = retry.run(() -> attempt(order)).orElseGet(() -> Outcome.rejected(RejectionReason.CONCURRENCY));
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

    private void recordRejected(OrderRequest order, RejectionReason reason) throws SQLException {
        try (Connection connection = ordersDataSource.getConnection()) {
            orders.recordRejected(connection, order, reason);
            connection.commit();
        }
    }

    @Override
    public Duration terminationBound() {
        return retry.worstCase();
    }

    @Override
    public String terminationBoundExplained() {
        return retry.policy().maxAttempts() + " attempts x " + StoreConfig.LOCK_TIMEOUT_MS / 1000
                + " s lock timeout + back-off (synchronous: the outcome comes with the acknowledgement)";
    }
}
