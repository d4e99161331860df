package dev.txlab.scenarios;

import dev.txlab.domain.model.OrdersModel;
import dev.txlab.harness.placement.ImplementationId;

import java.util.Map;

/**
 * The cells of the orders event store and its read models, with event-sourced orders on H2 files,
 * the sagas on embedded Artemis: the halt between append and publication, the second writer, and
 * the malformed event (on the local baseline only: it tests the audit, which is the same for all);
 * the read models' cells, whose projector is the same under every implementation, on one each (the
 * halt mid-batch beside saga-choreo's relays, the rebuild beside XA), and the corrupted snapshots of
 * event-sourced accounts on saga-orch (the same payments code under all). The whole quick suite with
 * event-sourced orders is {@link QuickSuiteEventSourcedH2FileTest} (-Pextended).
 */
class EventStoreCellsH2FileTest extends QuickSuiteH2FileTest {
    /** The cells run on one implementation only here, and which. */
    private static final Map<String, ImplementationId> ON_ONE = Map.of(
            "orders-malformed-event", ImplementationId.LOCAL_BASELINE,
            "read-model-halt-mid-batch", ImplementationId.SAGA_CHOREO,
            "read-model-rebuild-while-arriving", ImplementationId.XA_NARAYANA,
            "account-snapshot-corrupted", ImplementationId.SAGA_ORCH);

    @Override
    protected OrdersModel ordersModel() {
        return OrdersModel.EVENT_SOURCED;
    }

    @Override
    protected boolean includes(Scenario scenario, ImplementationId implementation) {
        return scenario instanceof EventSourcedOnly
                && ON_ONE.getOrDefault(scenario.id(), implementation) == implementation;
    }
}
