package dev.txlab.saga.orch;

import dev.txlab.domain.model.OrdersModel;
import dev.txlab.domain.service.Ids;
import dev.txlab.domain.service.OrderServices;
import dev.txlab.domain.service.OrderStep;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The saga definition, the participants' table and the domain's step table agree: every command the
 * saga sends has a handler at the participant it is sent to, every handler is sent to, and the saga's
 * steps are the domain's steps in the domain's order. A renamed or moved step fails here.
 */
class StepTableTest {
    private final Participants participants = new Participants(OrderServices.create(OrdersModel.STATE,
            Clock.systemUTC(), Ids.TIME_ORDERED));

    @Test
    void everyCommandTheSagaSendsHasAHandlerAndEveryHandlerIsSentTo() {
        List<Command> sent = CreateOrderSaga.DEFINITION.steps().stream()
                .flatMap(step -> Stream.concat(step.action().stream(), step.compensation().stream())).toList();
        List<Command> handled = participants.handlers().stream()
                .map(handler -> new Command(handler.participant(), handler.command())).toList();

        assertThat(handled).containsExactlyInAnyOrderElementsOf(sent);
    }

    @Test
    void theSagasStepsAreTheDomainsStepsInOrder() {
        List<String> sagaSteps = CreateOrderSaga.DEFINITION.steps().stream().map(SagaStep::name).toList();
        List<String> domainSteps = Arrays.stream(OrderStep.values())
                .map(step -> step.command().isPresent() ? step.stepName() : step.compensationOrFail().stepName())
                .toList();

        assertThat(sagaSteps).containsExactlyElementsOf(domainSteps);
        for (OrderStep step : OrderStep.values()) {
            SagaStep sagaStep = CreateOrderSaga.DEFINITION.step(step.ordinal());
            step.command().ifPresent(command -> assertThat(sagaStep.action())
                    .hasValue(new Command(step.service(), command)));
            step.compensation().ifPresent(compensation -> assertThat(sagaStep.compensation())
                    .hasValue(new Command(step.service(), compensation.command())));
        }
    }
}
