package dev.txlab.scenarios;

import dev.txlab.harness.placement.TransportSettings;
import dev.txlab.harness.store.StoreKind;

/** The quick suite on H2 file databases, the sagas on embedded Artemis. */
class QuickSuiteH2FileTest extends QuickSuiteContract {
    @Override
    protected StoreKind store() {
        return StoreKind.H2_FILE;
    }

    @Override
    protected TransportSettings.Kind transport() {
        return TransportSettings.Kind.ARTEMIS;
    }
}
