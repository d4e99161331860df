package dev.txlab.domain.model;

import java.util.Objects;

/**
 * The result of one service operation. A business refusal is a value, not an exception: callers
 * branch on {@link #kind()}. {@link Kind#ALREADY_COMPENSATED} is what an action returns when its
 * compensation ran first (a late action after its compensation): it has no effect.
 */
public record StepResult(Kind kind, RejectionReason reason) {
    public enum Kind { DONE, REFUSED, ALREADY_COMPENSATED }

    private static final StepResult DONE = new StepResult(Kind.DONE, null);
    private static final StepResult ALREADY_COMPENSATED = new StepResult(Kind.ALREADY_COMPENSATED, null);

    public StepResult {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.REFUSED) != (reason != null)) {
            throw new IllegalArgumentException("a reason goes with REFUSED and only with it");
        }
    }

    public static StepResult done() {
        return DONE;
    }

    public static StepResult refused(RejectionReason reason) {
        return new StepResult(Kind.REFUSED, Objects.requireNonNull(reason, "reason"));
    }

    public static StepResult alreadyCompensated() {
        return ALREADY_COMPENSATED;
    }

    public boolean isDone() {
        return kind == Kind.DONE;
    }
}
