package dev.txlab.harness.baseline;

import dev.txlab.domain.model.OrderRequest;
import dev.txlab.domain.model.Outcome;
import dev.txlab.domain.service.OrderFlow;
import dev.txlab.domain.service.ServiceName;
import dev.txlab.harness.fault.CrashPoint;
import dev.txlab.harness.fault.CrashPoints;
import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.harness.placement.SynchronousPlacement;
import dev.txlab.harness.placement.spi.PlacementContext;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * One local transaction per order on the one database: create PENDING, authorize, reserve, pay,
 * approve, commit. A refusal rolls everything back, and the order is recorded REJECTED afterwards,
 * exactly as the XA implementations do, so all reach the same rows.
 */
final class LocalBaselinePlacement extends SynchronousPlacement {
    private final DataSource dataSource;
    private final OrderFlow flow;
    private final CrashPoints crashPoints;

    LocalBaselinePlacement(PlacementContext context) {
        super(ImplementationId.LOCAL_BASELINE, context);
        this.dataSource = context.stores().dataSource(ServiceName.ORDERS);
        this.flow = new OrderFlow(context.services(), context.trace(), context.clock());
        this.crashPoints = context.crashPoints();
    }

    @Override
    public void start() {
    }

    @Override
    protected Outcome attempt(OrderRequest order) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            try {
                Outcome outcome = flow.place(order, (service, step) -> step.run(connection));
                if (!outcome.isApproved()) {
                    connection.rollback();
                    return outcome;
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

    @Override
    public void close() {
    }
}
