package dev.txlab.scenarios;

import dev.txlab.domain.model.OrdersModel;
import dev.txlab.harness.placement.ImplementationId;

/**
 * The cells of the orders event store, with event-sourced orders on H2 files, the sagas on embedded
 * Artemis: the halt between append and publication, the second writer, and the malformed event (on
 * the local baseline only: it tests the audit, which is the same for all). The whole quick suite
 * with event-sourced orders is {@link QuickSuiteEventSourcedH2FileTest} (-Pextended).
 */
class EventStoreCellsH2FileTest extends QuickSuiteH2FileTest {
    @Override
    protected OrdersModel ordersModel() {
        return OrdersModel.EVENT_SOURCED;
    }

    @Override
    protected boolean includes(Scenario scenario, ImplementationId implementation) {
        return scenario instanceof EventSourcedOnly eventStore && (!(eventStore.scenario() instanceof DamagedEventScenario)
                || implementation == ImplementationId.LOCAL_BASELINE);
    }
}
