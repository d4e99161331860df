package dev.txlab.saga.orch;

import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.harness.store.StoreConfig;
import dev.txlab.harness.store.StoreKind;
import dev.txlab.testkit.OrderPlacementContract;
import dev.txlab.testkit.Servers;
import dev.txlab.testkit.TestStores;
import org.junit.jupiter.api.BeforeAll;

/** The contract, run by saga-orch on MariaDB with the embedded Artemis. */
class OrchMariaDbContractTest extends OrderPlacementContract {

    @BeforeAll
    static void serversAreUp() {
        Servers.assumeAvailable(StoreKind.MARIADB);
    }

    @Override
    protected ImplementationId implementation() {
        return ImplementationId.SAGA_ORCH;
    }

    @Override
    protected StoreConfig.Builder store(String prefix) {
        return TestStores.of(StoreKind.MARIADB, prefix);
    }
}
