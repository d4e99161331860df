package dev.txlab.saga.orch;

import dev.txlab.domain.model.RejectionReason;

import java.util.Objects;

/**
 * Where a saga instance stands: the step whose command is outstanding, whether it is compensating
 * (and why), and whether it has ended. Persisted in the saga log; the engine derives the next one.
 */
public record SagaPosition(int step, boolean compensating, RejectionReason reason, Status status) {
    /** RUNNING until every action succeeded (SUCCEEDED) or every needed compensation ran (COMPENSATED). */
    public enum Status { RUNNING, SUCCEEDED, COMPENSATED }

    public SagaPosition {
        Objects.requireNonNull(status, "status");
        if (compensating != (reason != null)) {
            throw new IllegalArgumentException("a compensating saga has a reason, and only it");
        }
    }

    public boolean isTerminal() {
        return status != Status.RUNNING;
    }
}
