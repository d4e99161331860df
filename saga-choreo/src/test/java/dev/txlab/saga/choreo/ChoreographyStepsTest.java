package dev.txlab.saga.choreo;

import dev.txlab.domain.model.OrdersModel;
import dev.txlab.domain.service.Ids;
import dev.txlab.domain.service.OrderServices;
import dev.txlab.domain.service.OrderStep;
import dev.txlab.domain.service.ServiceName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every rule of the choreography runs a step of the domain's step table, at the service that step belongs to. */
class ChoreographyStepsTest {

    @Test
    void everyRulesStepIsADomainStepOrCompensationOfTheReactingService() {
        Map<String, ServiceName> steps = new HashMap<>();
        Arrays.stream(OrderStep.values()).forEach(step -> {
            steps.put(step.stepName(), step.service());
            step.compensation().ifPresent(compensation -> steps.put(compensation.stepName(), step.service()));
        });

        Choreography choreography = new Choreography(OrderServices.create(OrdersModel.STATE, Clock.systemUTC(),
                Ids.TIME_ORDERED));

        assertThat(choreography.rules()).allSatisfy(rule -> assertThat(steps).containsEntry(rule.step(), rule.reactor()));
        assertThat(choreography.rules()).extracting(Choreography.Rule::step).containsAll(Arrays.stream(OrderStep.values())
                .filter(step -> step.command().isPresent()).map(OrderStep::stepName).toList());
    }
}
