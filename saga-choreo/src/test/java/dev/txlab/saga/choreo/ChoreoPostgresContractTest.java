package dev.txlab.saga.choreo;

import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.harness.store.StoreConfig;
import dev.txlab.harness.store.StoreKind;
import dev.txlab.testkit.OrderPlacementContract;
import dev.txlab.testkit.Servers;
import dev.txlab.testkit.TestStores;
import org.junit.jupiter.api.BeforeAll;

/** The contract, run by saga-choreo on PostgreSQL with the embedded Artemis. */
class ChoreoPostgresContractTest extends OrderPlacementContract {

    @BeforeAll
    static void serversAreUp() {
        Servers.assumeAvailable(StoreKind.POSTGRES);
    }

    @Override
    protected ImplementationId implementation() {
        return ImplementationId.SAGA_CHOREO;
    }

    @Override
    protected StoreConfig.Builder store(String prefix) {
        return TestStores.of(StoreKind.POSTGRES, prefix);
    }
}
