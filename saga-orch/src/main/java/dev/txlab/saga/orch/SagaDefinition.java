package dev.txlab.saga.orch;

import dev.txlab.domain.service.ServiceName;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A saga as data: its name and its ordered steps, built with a small DSL and interpreted by
 * {@link SagaEngine}.
 *
 * <pre>{@code
 * SagaDefinition.named("create-order")
 *     .step("reject order").compensateWith(ORDERS, "RejectOrder")
 *     .step("authorize customer").invoke(CUSTOMERS, "AuthorizeCustomer")
 *     ...
 *     .build();
 * }</pre>
 */
public record SagaDefinition(String name, List<SagaStep> steps) {
    public SagaDefinition {
        Objects.requireNonNull(name, "name");
        steps = List.copyOf(steps);
        if (steps.stream().noneMatch(step -> step.action().isPresent())) {
            throw new IllegalArgumentException("saga '" + name + "' has no step with an action");
        }
    }

    public static Builder named(String name) {
        return new Builder(name);
    }

    public SagaStep step(int index) {
        return steps.get(index);
    }

    /** Builds a definition step by step; each step takes an action, a compensation, or both. */
    public static final class Builder {
        private final String name;
        private final List<SagaStep> steps = new ArrayList<>();
        private String stepName;
        private Command action;
        private Command compensation;

        private Builder(String name) {
            this.name = name;
        }

        public Builder step(String nextName) {
            finishStep();
            stepName = Objects.requireNonNull(nextName, "nextName");
            return this;
        }

        public Builder invoke(ServiceName participant, String commandType) {
            requireStep("invoke");
            action = new Command(participant, commandType);
            return this;
        }

        public Builder compensateWith(ServiceName participant, String commandType) {
            requireStep("compensateWith");
            compensation = new Command(participant, commandType);
            return this;
        }

        public SagaDefinition build() {
            finishStep();
            return new SagaDefinition(name, steps);
        }

        private void requireStep(String call) {
            if (stepName == null) {
                throw new IllegalStateException(call + " needs a step(...) first");
            }
        }

        private void finishStep() {
            if (stepName != null) {
                steps.add(new SagaStep(stepName, Optional.ofNullable(action), Optional.ofNullable(compensation)));
            }
            stepName = null;
            action = null;
            compensation = null;
        }
    }
}
