package dev.txlab.saga.orch;

import java.util.Objects;
import java.util.Optional;

/**
 * One step of a saga: an optional action (a command whose reply says success or refusal) and an
 * optional compensation (a command that undoes the action, run in reverse order after a refusal).
 */
public record SagaStep(String name, Optional<Command> action, Optional<Command> compensation) {
    public SagaStep {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(compensation, "compensation");
        if (action.isEmpty() && compensation.isEmpty()) {
            throw new IllegalArgumentException("step '" + name + "' has neither an action nor a compensation");
        }
    }
}
