package dev.txlab.saga.choreo;

import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.harness.placement.TransportSettings;
import dev.txlab.harness.store.StoreConfig;
import dev.txlab.harness.store.StoreKind;
import dev.txlab.testkit.OrderPlacementContract;
import dev.txlab.testkit.Servers;
import dev.txlab.testkit.TestStores;
import org.junit.jupiter.api.BeforeAll;

/** The contract, run by saga-choreo on H2 files with NATS JetStream. */
class ChoreoH2FileNatsContractTest extends OrderPlacementContract {

    @BeforeAll
    static void serversAreUp() {
        Servers.assumeReachable("NATS", "127.0.0.1", 4222);
    }

    @Override
    protected ImplementationId implementation() {
        return ImplementationId.SAGA_CHOREO;
    }

    @Override
    protected StoreConfig.Builder store(String prefix) {
        return TestStores.of(StoreKind.H2_FILE, prefix);
    }

    @Override
    protected TransportSettings transport() {
        return TransportSettings.nats(TransportSettings.DEFAULT_NATS_URL);
    }
}
