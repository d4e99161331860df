package dev.txlab.scenarios;

import dev.txlab.harness.placement.TransportSettings;
import dev.txlab.harness.store.StoreKind;

/** The quick suite on PostgreSQL, the sagas on NATS JetStream. */
class QuickSuitePostgresNatsTest extends QuickSuiteContract {
    @Override
    protected StoreKind store() {
        return StoreKind.POSTGRES;
    }

    @Override
    protected TransportSettings.Kind transport() {
        return TransportSettings.Kind.NATS;
    }
}
