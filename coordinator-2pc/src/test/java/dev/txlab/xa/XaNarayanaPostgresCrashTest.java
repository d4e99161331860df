package dev.txlab.xa;

import dev.txlab.domain.placement.ImplementationId;
import dev.txlab.domain.store.StoreKind;

/** Crash and recovery of XA_NARAYANA on POSTGRES (a JVM of its own: the TM configuration is JVM-wide). */
class XaNarayanaPostgresCrashTest extends XaCrashRecoveryContract {
    @Override
    protected ImplementationId implementation() {
        return ImplementationId.XA_NARAYANA;
    }

    @Override
    protected StoreKind store() {
        return StoreKind.POSTGRES;
    }
}
