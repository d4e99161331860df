package dev.txlab.saga.orch;

import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.harness.placement.OrderPlacement;
import dev.txlab.harness.placement.spi.PlacementContext;
import dev.txlab.harness.placement.spi.PlacementProvider;
import dev.txlab.harness.store.Topology;
import dev.txlab.messaging.placement.OrderEventPublication;
import dev.txlab.messaging.placement.SagaPlacement;

/** Registers {@code saga-orch}: each service on its own database; the coordinator in the orders service. */
public final class OrchProvider implements PlacementProvider {
    @Override
    public ImplementationId id() {
        return ImplementationId.SAGA_ORCH;
    }

    @Override
    public Topology topology() {
        return Topology.DATABASE_PER_SERVICE;
    }

    @Override
    public OrderPlacement create(PlacementContext context) {
        return new SagaPlacement(context, OrderEventPublication.NONE, OrchProtocol::new);
    }
}
