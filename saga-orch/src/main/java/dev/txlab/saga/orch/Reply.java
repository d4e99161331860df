package dev.txlab.saga.orch;

import dev.txlab.domain.model.RejectionReason;

/**
 * A participant's reply to a command: for which step, in which direction, and whether it succeeded
 * (or the participant refused, with the reason). The step and direction let the engine ignore a
 * late or duplicated reply.
 */
public record Reply(int step, boolean compensation, boolean success, RejectionReason reason) {
    public static Reply success(int step, boolean compensation) {
        return new Reply(step, compensation, true, null);
    }

    public static Reply refused(int step, RejectionReason reason) {
        return new Reply(step, false, false, reason);
    }
}
