package dev.txlab.scenarios;

import dev.txlab.domain.placement.TransportSettings;
import dev.txlab.domain.store.StoreKind;

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
