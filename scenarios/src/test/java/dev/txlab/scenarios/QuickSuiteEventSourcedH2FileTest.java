package dev.txlab.scenarios;

import dev.txlab.domain.model.OrdersModel;
import org.junit.jupiter.api.Tag;

/** The quick suite with event-sourced orders on H2 file databases, the sagas on embedded Artemis (-Pextended). */
@Tag("extended")
class QuickSuiteEventSourcedH2FileTest extends QuickSuiteH2FileTest {
    @Override
    protected OrdersModel ordersModel() {
        return OrdersModel.EVENT_SOURCED;
    }
}
