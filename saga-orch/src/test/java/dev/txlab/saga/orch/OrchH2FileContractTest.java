package dev.txlab.saga.orch;

import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.harness.store.StoreConfig;
import dev.txlab.harness.store.StoreKind;
import dev.txlab.testkit.OrderPlacementContract;
import dev.txlab.testkit.TestStores;

/** The contract, run by saga-orch on H2 files with the embedded Artemis. */
class OrchH2FileContractTest extends OrderPlacementContract {

    @Override
    protected ImplementationId implementation() {
        return ImplementationId.SAGA_ORCH;
    }

    @Override
    protected StoreConfig.Builder store(String prefix) {
        return TestStores.of(StoreKind.H2_FILE, prefix);
    }
}
