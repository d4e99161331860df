package dev.txlab.domain.baseline;

import dev.txlab.domain.placement.ImplementationId;
import dev.txlab.domain.placement.OrderPlacement;
import dev.txlab.domain.placement.spi.PlacementContext;
import dev.txlab.domain.placement.spi.PlacementProvider;
import dev.txlab.domain.store.Topology;

/** Registers {@code local-baseline}. */
public final class LocalBaselineProvider implements PlacementProvider {
    @Override
    public ImplementationId id() {
        return ImplementationId.LOCAL_BASELINE;
    }

    @Override
    public Topology topology() {
        return Topology.SINGLE_DATABASE;
    }

    @Override
    public OrderPlacement create(PlacementContext context) {
        return new LocalBaselinePlacement(context);
    }
}
