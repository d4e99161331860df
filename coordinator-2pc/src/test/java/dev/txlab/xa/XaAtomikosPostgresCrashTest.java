package dev.txlab.xa;

import dev.txlab.domain.placement.ImplementationId;
import dev.txlab.domain.store.StoreKind;

/** Crash and recovery of XA_ATOMIKOS on POSTGRES (a JVM of its own: the TM configuration is JVM-wide). */
class XaAtomikosPostgresCrashTest extends XaCrashRecoveryContract {
    @Override
    protected ImplementationId implementation() {
        return ImplementationId.XA_ATOMIKOS;
    }

    @Override
    protected StoreKind store() {
        return StoreKind.POSTGRES;
    }
}
