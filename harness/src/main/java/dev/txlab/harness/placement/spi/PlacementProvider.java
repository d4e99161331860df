package dev.txlab.harness.placement.spi;

import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.harness.placement.OrderPlacement;
import dev.txlab.harness.store.Topology;

import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** Creates one implementation; registered in {@code META-INF/services}. */
public interface PlacementProvider {

    ImplementationId id();

    /** How this implementation lays the services out on databases. */
    Topology topology();

    OrderPlacement create(PlacementContext context);

    /** What a run with this many callers opens and holds on each database (checked before the run, sizes its pool). */
    default ResourceNeeds needs(int callers) {
        return ResourceNeeds.localTransactions(callers);
    }

    /** The provider of an implementation, or a clear error naming those that are available. */
    static PlacementProvider forId(ImplementationId id) {
        ServiceLoader<PlacementProvider> providers = ServiceLoader.load(PlacementProvider.class);
        for (PlacementProvider provider : providers) {
            if (provider.id() == id) {
                return provider;
            }
        }
        throw new IllegalArgumentException("implementation '" + id + "' is not built yet; available: "
                + providers.stream().map(p -> p.get().id().id()).sorted().collect(Collectors.joining(", ")));
    }
}
