package dev.txlab.domain.model;

import java.util.List;
import java.util.Optional;

/**
 * A customer's account as its events make it: its balance and the version of its last event.
 * Replaying checks the stream: versions following on without a gap, OPENED first and only first,
 * every amount readable; anything else is an {@link AccountEvent.MalformedAccountEvent}.
 */
public record AccountState(String customerId, long balanceCents, int version) {

    /** The state the events give, from nothing; empty for no events. */
    public static Optional<AccountState> replay(List<AccountEvent> events) {
        return replay(Optional.empty(), events);
    }

    /** The state the events give after {@code from} (a snapshot), or from nothing. */
    public static Optional<AccountState> replay(Optional<AccountState> from, List<AccountEvent> events) {
        AccountState state = from.orElse(null);
        for (AccountEvent event : events) {
            int expected = state == null ? 1 : state.version + 1;
            if (event.version() != expected) {
                throw new AccountEvent.MalformedAccountEvent(event.customerId(), event.version(),
                        (event.version() < expected ? "a repeated version" : "a gap: version " + expected
                                + " is missing") + " in the stream");
            }
            state = state == null ? opened(event) : state.then(event);
        }
        return Optional.ofNullable(state);
    }

    private static AccountState opened(AccountEvent event) {
        if (event.type() != AccountEvent.Type.OPENED) {
            throw new AccountEvent.MalformedAccountEvent(event.customerId(), event.version(), "the stream starts "
                    + "with " + event.type() + ", not OPENED");
        }
        return new AccountState(event.customerId(), event.amountCents(), 1);
    }

    private AccountState then(AccountEvent event) {
        return switch (event.type()) {
            case OPENED -> throw new AccountEvent.MalformedAccountEvent(event.customerId(), event.version(),
                    "OPENED again");
            case DEBITED -> new AccountState(customerId, balanceCents - event.amountCents(), event.version());
            case CREDITED -> new AccountState(customerId, balanceCents + event.amountCents(), event.version());
            case REFUSED, VOIDED -> new AccountState(customerId, balanceCents, event.version());
        };
    }

    /** The snapshot's payload: {@code balance=CENTS}. */
    public String snapshotPayload() {
        return "balance=" + balanceCents;
    }

    /** The state a snapshot's payload records at its version; empty when the payload does not parse. */
    public static Optional<AccountState> fromSnapshot(String customerId, int version, String payload) {
        if (payload == null || !payload.startsWith("balance=") || version < 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(new AccountState(customerId, Long.parseLong(payload.substring("balance=".length())),
                    version));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
