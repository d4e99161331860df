package dev.txlab.xa.atomikos;

import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.harness.placement.TmIdentity;
import dev.txlab.harness.placement.spi.PlacementContext;
import dev.txlab.harness.run.RunLogs;
import dev.txlab.harness.store.StoreConfig;
import dev.txlab.xa.XaPlacements;

/** Registers {@code xa-atomikos}. */
public final class AtomikosProvider extends XaPlacements.Provider {
    public AtomikosProvider() {
        super(ImplementationId.XA_ATOMIKOS);
    }

    @Override
    protected XaPlacements.EngineFactory engineFactory(PlacementContext context) {
        StoreConfig store = context.stores().config();
        TmIdentity identity = new TmIdentity(TmIdentity.nodeFor(store.prefix()),
                store.runDir().resolve(RunLogs.TM_PREFIX + ImplementationId.XA_ATOMIKOS.id()));
        AtomikosConfiguration configuration = new AtomikosConfiguration(identity,
                (int) context.tm().presumedAbortAfter().toMillis(), store.durability());
        return points -> new AtomikosEngine(context, configuration, points);
    }
}
