package dev.txlab.saga.orch;

import dev.txlab.domain.model.RejectionReason;

import java.util.Optional;

/**
 * Interprets any {@link SagaDefinition}: from a position and a reply, the next position and the
 * command to send. Forward, it runs each step's action in order; after a refusal it runs, in
 * reverse, the compensations of the steps before the refused one. Pure: no I/O, no clock.
 */
public final class SagaEngine {
    /** What to do next: the new position and the command to send for it, if any. */
    public record Decision(SagaPosition position, Optional<Command> command) {
    }

    /** The first position of a new instance and its first command. */
    public Decision start(SagaDefinition saga) {
        return forwardFrom(saga, 0);
    }

    /**
     * The decision for a reply; empty when the reply does not answer the outstanding command (late,
     * duplicated, or for an ended saga): it must then be ignored.
     */
    public Optional<Decision> onReply(SagaDefinition saga, SagaPosition position, Reply reply) {
        if (position.isTerminal() || reply.step() != position.step() || reply.compensation() != position.compensating()) {
            return Optional.empty();
        }
        if (position.compensating()) {
            if (!reply.success()) {
                return Optional.of(resend(saga, position));
            }
            return Optional.of(backwardFrom(saga, position.step() - 1, position.reason()));
        }
        if (reply.success()) {
            return Optional.of(forwardFrom(saga, position.step() + 1));
        }
        return Optional.of(backwardFrom(saga, position.step() - 1, reply.reason()));
    }

    /** The command outstanding at a position, to send again (recovery, a timeout). */
    public Decision resend(SagaDefinition saga, SagaPosition position) {
        if (position.isTerminal()) {
            return new Decision(position, Optional.empty());
        }
        SagaStep step = saga.step(position.step());
        return new Decision(position, position.compensating() ? step.compensation() : step.action());
    }

    private static Decision forwardFrom(SagaDefinition saga, int from) {
        for (int i = from; i < saga.steps().size(); i++) {
            Optional<Command> action = saga.step(i).action();
            if (action.isPresent()) {
                return new Decision(new SagaPosition(i, false, null, SagaPosition.Status.RUNNING), action);
            }
        }
        return new Decision(new SagaPosition(saga.steps().size(), false, null, SagaPosition.Status.SUCCEEDED),
                Optional.empty());
    }

    private static Decision backwardFrom(SagaDefinition saga, int from, RejectionReason reason) {
        for (int i = from; i >= 0; i--) {
            Optional<Command> compensation = saga.step(i).compensation();
            if (compensation.isPresent()) {
                return new Decision(new SagaPosition(i, true, reason, SagaPosition.Status.RUNNING), compensation);
            }
        }
        return new Decision(new SagaPosition(-1, true, reason, SagaPosition.Status.COMPENSATED), Optional.empty());
    }
}
