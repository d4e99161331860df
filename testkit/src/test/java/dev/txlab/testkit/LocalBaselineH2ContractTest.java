package dev.txlab.testkit;

import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.harness.store.StoreConfig;
import dev.txlab.harness.store.StoreKind;


/** The contract, run by local-baseline on H2 in memory. */
class LocalBaselineH2ContractTest extends OrderPlacementContract {


    @Override
    protected ImplementationId implementation() {
        return ImplementationId.LOCAL_BASELINE;
    }

    @Override
    protected StoreConfig.Builder store(String prefix) {
        return TestStores.of(StoreKind.H2_MEM, prefix);
    }
}
