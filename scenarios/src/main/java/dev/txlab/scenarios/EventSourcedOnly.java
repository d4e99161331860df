package dev.txlab.scenarios;

import dev.txlab.domain.model.OrdersModel;
import dev.txlab.harness.placement.ImplementationId;

import java.util.Optional;
import java.util.Set;

/** A scenario of the orders event store: {@code n/a} unless the scenarios run with event-sourced orders. */
record EventSourcedOnly(Scenario scenario) implements Scenario {
    @Override
    public String id() {
        return scenario.id();
    }

    @Override
    public String description() {
        return scenario.description();
    }

    @Override
    public Set<ImplementationId> appliesTo() {
        return scenario.appliesTo();
    }

    @Override
    public String mustHold() {
        return scenario.mustHold();
    }

    @Override
    public Optional<String> unsupportedOn(ScenarioContext context, ImplementationId implementation) {
        if (context.ordersModel() != OrdersModel.EVENT_SOURCED) {
            return Optional.of("a fault of the orders event store: runs with --orders-model event-sourced");
        }
        return scenario.unsupportedOn(context, implementation);
    }

    @Override
    public Optional<String> whyBatchesMayStaySmall() {
        return scenario.whyBatchesMayStaySmall();
    }

    @Override
    public FaultMatrix.Cell run(ScenarioContext context, ImplementationId implementation) throws Exception {
        return scenario.run(context, implementation);
    }
}
