package dev.txlab.saga.choreo;

import dev.txlab.domain.placement.ImplementationId;
import dev.txlab.domain.placement.OrderPlacement;
import dev.txlab.domain.placement.spi.PlacementContext;
import dev.txlab.domain.placement.spi.PlacementProvider;
import dev.txlab.domain.store.Topology;

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
        return new ChoreoPlacement(context);
    }
}
