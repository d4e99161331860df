package dev.txlab.harness.baseline;

import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.harness.placement.OrderPlacement;
import dev.txlab.harness.placement.spi.PlacementContext;
import dev.txlab.harness.placement.spi.PlacementProvider;
import dev.txlab.harness.store.Topology;

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
