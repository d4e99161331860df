package dev.txlab.saga.choreo;

import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.harness.placement.OrderPlacement;
import dev.txlab.harness.placement.spi.PlacementContext;
import dev.txlab.harness.placement.spi.PlacementProvider;
import dev.txlab.harness.store.Topology;
import dev.txlab.messaging.placement.SagaPlacement;

/** Registers {@code saga-choreo}: each service on its own database, talking through the broker. */
public final class ChoreoProvider implements PlacementProvider {
    @Override
    public ImplementationId id() {
        return ImplementationId.SAGA_CHOREO;
    }

    @Override
    public Topology topology() {
        return Topology.DATABASE_PER_SERVICE;
    }

    @Override
    public OrderPlacement create(PlacementContext context) {
        return new SagaPlacement(context, ChoreoProtocol.PUBLICATION, ChoreoProtocol::new);
    }
}
