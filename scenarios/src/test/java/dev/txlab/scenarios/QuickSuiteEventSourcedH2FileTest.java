package dev.txlab.scenarios;

import dev.txlab.domain.model.OrdersModel;
import dev.txlab.harness.placement.TransportSettings;
import dev.txlab.harness.store.StoreKind;
import org.junit.jupiter.api.Tag;

/** The quick suite with event-sourced orders on H2 file databases, the sagas on embedded Artemis (-Pextended). */
@Tag("extended")
class QuickSuiteEventSourcedH2FileTest extends QuickSuiteContract {
    @Override
    protected StoreKind store() {
        return StoreKind.H2_FILE;
    }

    @Override
    protected TransportSettings.Kind transport() {
        return TransportSettings.Kind.ARTEMIS;
    }

    @Override
    protected OrdersModel ordersModel() {
        return OrdersModel.EVENT_SOURCED;
    }
}
