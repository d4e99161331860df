package dev.txlab.xa.narayana;

import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.harness.placement.TmIdentity;
import dev.txlab.harness.placement.spi.PlacementContext;
import dev.txlab.harness.run.RunLogs;
import dev.txlab.harness.store.StoreConfig;
import dev.txlab.xa.XaPlacements;

/** Registers {@code xa-narayana}. */
public final class NarayanaProvider extends XaPlacements.Provider {
    public NarayanaProvider() {
        super(ImplementationId.XA_NARAYANA);
    }

    @Override
    protected XaPlacements.EngineFactory engineFactory(PlacementContext context) {
        StoreConfig store = context.stores().config();
        TmIdentity identity = new TmIdentity(TmIdentity.nodeFor(store.prefix()),
                store.runDir().resolve(RunLogs.TM_PREFIX + ImplementationId.XA_NARAYANA.id()));
        NarayanaConfiguration configuration = new NarayanaConfiguration(identity, context.tm().logStore(),
                (int) context.tm().presumedAbortAfter().toMillis(), store.durability());
        return points -> new NarayanaEngine(context, configuration, points);
    }
}
