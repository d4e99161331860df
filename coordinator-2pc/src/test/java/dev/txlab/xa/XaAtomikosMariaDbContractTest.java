package dev.txlab.xa;

import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.harness.store.StoreConfig;
import dev.txlab.harness.store.StoreKind;
import dev.txlab.testkit.OrderPlacementContract;
import dev.txlab.testkit.Servers;
import dev.txlab.testkit.TestStores;
import org.junit.jupiter.api.BeforeAll;

/** The contract, run by xa-atomikos on MariaDB (a JVM of its own: the TM configuration is JVM-wide). */
class XaAtomikosMariaDbContractTest extends OrderPlacementContract {

    @BeforeAll
    static void serverIsUp() {
        Servers.assumeAvailable(StoreKind.MARIADB);
    }

    @Override
    protected ImplementationId implementation() {
        return ImplementationId.XA_ATOMIKOS;
    }

    @Override
    protected StoreConfig.Builder store(String prefix) {
        return TestStores.of(StoreKind.MARIADB, prefix);
    }
}
