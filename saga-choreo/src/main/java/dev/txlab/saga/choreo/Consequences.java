package dev.txlab.saga.choreo;

import dev.txlab.domain.model.Outcome;
import dev.txlab.messaging.placement.Effects;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one reaction led to: the events it emits, for the orders service the order's outcome, and
 * whether it was a late action (its compensation had run first, so it had no effect).
 */
public final class Consequences {
    /** An event to emit: its type and payload. */
    public record Emitted(String type, OrderEvent event) {
    }

    private final List<Emitted> emitted = new ArrayList<>();
    private Outcome decided;
    private boolean late;

    public void emit(String type, OrderEvent event) {
        emitted.add(new Emitted(type, event));
    }

    public void decided(Outcome outcome) {
        decided = outcome;
    }

    /** The reaction's action found its compensation done: it had no effect and emits nothing. */
    public void late() {
        late = true;
    }

    public boolean wasLate() {
        return late;
    }

    public List<Emitted> emitted() {
        return List.copyOf(emitted);
    }

    public Optional<Outcome> outcome() {
        return Optional.ofNullable(decided);
    }

    /** What the runtime acts on once the reaction committed. */
    Effects effects() {
        return new Effects(outcome(), late, false);
    }
}
