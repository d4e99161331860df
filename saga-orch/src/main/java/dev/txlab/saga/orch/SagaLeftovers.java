package dev.txlab.saga.orch;

import dev.txlab.domain.service.ServiceName;
import dev.txlab.harness.audit.Invariant;
import dev.txlab.harness.audit.Violation;
import dev.txlab.harness.audit.spi.LeftoverCheck;
import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.harness.run.RunRecord;
import dev.txlab.harness.store.Stores;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** The I3 leftovers of saga-orch: saga instances still RUNNING in the saga log. */
public final class SagaLeftovers implements LeftoverCheck {
    @Override
    public List<Violation> find(Stores stores, RunRecord record) {
        if (record.implementation() != ImplementationId.SAGA_ORCH) {
            return List.of();
        }
        try (Connection connection = stores.dataSource(ServiceName.ORDERS).getConnection()) {
            List<Violation> leftovers = new SagaLog().runningSince(connection, Long.MAX_VALUE).stream()
                    .map(saga -> new Violation(Invariant.I3_NO_LEFTOVERS, saga.sagaId(), "saga instance still RUNNING"
                            + (saga.position().compensating() ? ", compensating" : "") + " at step "
                            + saga.position().step()))
                    .toList();
            connection.rollback();
            return leftovers;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the saga log: " + e.getMessage(), e);
        }
    }
}
