package dev.txlab.testkit;

import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.harness.store.StoreConfig;
import dev.txlab.harness.store.StoreKind;
import org.junit.jupiter.api.BeforeAll;

/** The contract, run by local-baseline on PostgreSQL. */
class LocalBaselinePostgresContractTest extends OrderPlacementContract {

    @BeforeAll
    static void serverIsUp() {
        Servers.assumeAvailable(StoreKind.POSTGRES);
    }

    @Override
    protected ImplementationId implementation() {
        return ImplementationId.LOCAL_BASELINE;
    }

    @Override
    protected StoreConfig.Builder store(String prefix) {
        return TestStores.of(StoreKind.POSTGRES, prefix);
    }
}
