package dev.txlab.xa;

import dev.txlab.domain.placement.ImplementationId;
import dev.txlab.domain.store.StoreKind;

/** Crash and recovery of XA_ATOMIKOS on MARIADB (a JVM of its own: the TM configuration is JVM-wide). */
class XaAtomikosMariaDbCrashTest extends XaCrashRecoveryContract {
    @Override
    protected ImplementationId implementation() {
        return ImplementationId.XA_ATOMIKOS;
    }

    @Override
    protected StoreKind store() {
        return StoreKind.MARIADB;
    }
}
