package dev.txlab.messaging.placement;

import dev.txlab.domain.model.Outcome;

import java.util.Optional;

/**
 * What a handler's committed work decided, for the runtime to act on after the commit: the order's
 * outcome when it ended the saga, whether it was a late action (its compensation had run first, so
 * it had no effect), and whether it moved the saga into compensation (the mid-compensation crash
 * point).
 */
public record Effects(Optional<Outcome> outcome, boolean late, boolean enteredCompensation) {
    public static final Effects NONE = new Effects(Optional.empty(), false, false);
    public static final Effects LATE = new Effects(Optional.empty(), true, false);
    public static final Effects COMPENSATING = new Effects(Optional.empty(), false, true);

    public static Effects ended(Outcome outcome) {
        return new Effects(Optional.of(outcome), false, false);
    }
}
