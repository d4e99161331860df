package dev.txlab.saga.orch;

import dev.txlab.domain.placement.ImplementationId;
import dev.txlab.domain.placement.OrderPlacement;
import dev.txlab.domain.placement.spi.PlacementContext;
import dev.txlab.domain.placement.spi.PlacementProvider;
import dev.txlab.domain.store.Topology;

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
        return new OrchPlacement(context);
    }
}
