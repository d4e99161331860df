package dev.txlab.xa;

import dev.txlab.domain.service.ServiceName;
import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.harness.placement.OrderPlacement;
import dev.txlab.harness.placement.spi.PlacementContext;
import dev.txlab.harness.placement.spi.PlacementProvider;
import dev.txlab.harness.placement.spi.ResourceNeeds;
import dev.txlab.harness.store.JdbcDecorator;
import dev.txlab.harness.store.Topology;

/** What the two XA providers share: the topology, the crash points, the placement around an engine. */
public final class XaPlacements {
    private XaPlacements() {
    }

    /** Builds a TM engine whose XA data sources pass through the given protocol-point decorator. */
    @FunctionalInterface
    public interface EngineFactory {
        XaEngine create(JdbcDecorator protocolPoints);
    }

    /**
     * The run's own pool per database under XA: the flow runs on the TM's enlisting pools, so this one
     * serves only the refused orders' REJECTED records, the audit and readers.
     */
    static final int LOCAL_POOL = 6;
    /** The connection a recovery scan opens to each participant beside the pools. */
    static final int RECOVERY_CONNECTIONS = 1;

    /** Base of the XA providers: one database per service, the placement around the provider's engine. */
    public abstract static class Provider implements PlacementProvider {
        private final ImplementationId id;

        protected Provider(ImplementationId id) {
            this.id = id;
        }

        @Override
        public final ImplementationId id() {
            return id;
        }

        @Override
        public final Topology topology() {
            return Topology.DATABASE_PER_SERVICE;
        }

        @Override
        public final OrderPlacement create(PlacementContext context) {
            XaProtocolPoints points = new XaProtocolPoints(context.crashPoints(), ServiceName.values().length);
            JdbcDecorator decorator = context.faults().commitFailure()
                    .map(failure -> JdbcDecorator.of(points, new CommitFailureInjector(failure)))
                    .orElseGet(() -> JdbcDecorator.of(points));
            XaEngine engine = engineFactory(context).create(decorator);
            return new XaPlacement(id, engine, points, context);
        }

        /** Each caller holds one branch prepared per participant database until its phase 2. */
        @Override
        public final ResourceNeeds needs(int callers) {
            return new ResourceNeeds(LOCAL_POOL, LOCAL_POOL, XaEngine.poolSize(callers) + RECOVERY_CONNECTIONS, 1);
        }

        protected abstract EngineFactory engineFactory(PlacementContext context);
    }
}
