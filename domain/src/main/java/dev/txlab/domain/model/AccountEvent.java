package dev.txlab.domain.model;

import java.util.Objects;

/**
 * One event of a customer account's stream: OPENED with the initial balance, DEBITED by a payment,
 * CREDITED by a refund, each with its amount and (but OPENED) its order; REFUSED (a debit refused for a
 * short balance) and VOIDED (a refund that found no payment, so a later debit for the order has no
 * effect) with an amount of 0: every change to the order's payment record goes through the stream, so
 * the stream's version serializes them as the row lock does under the state model. The payload is a
 * line of text, {@code amount=CENTS} or {@code amount=CENTS;order=ID}.
 */
public record AccountEvent(String customerId, int version, Type type, String payload, long committedAtMs) {
    /** What happened to the account. */
    public enum Type {
        OPENED, DEBITED, CREDITED, REFUSED, VOIDED
    }

    public AccountEvent {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
    }

    public static AccountEvent opened(String customerId, long balanceCents, long nowMs) {
        return new AccountEvent(customerId, 1, Type.OPENED, "amount=" + balanceCents, nowMs);
    }

    public static AccountEvent debited(String customerId, int version, long amountCents, String orderId, long nowMs) {
        return new AccountEvent(customerId, version, Type.DEBITED, "amount=" + amountCents + ";order=" + orderId, nowMs);
    }

    public static AccountEvent credited(String customerId, int version, long amountCents, String orderId, long nowMs) {
        return new AccountEvent(customerId, version, Type.CREDITED, "amount=" + amountCents + ";order=" + orderId,
                nowMs);
    }

    /** An event of an order that moves no money (REFUSED, VOIDED). */
    public static AccountEvent noted(String customerId, int version, Type type, String orderId, long nowMs) {
        if (type != Type.REFUSED && type != Type.VOIDED) {
            throw new IllegalArgumentException("only REFUSED and VOIDED move no money, not " + type);
        }
        return new AccountEvent(customerId, version, type, "amount=0;order=" + orderId, nowMs);
    }

    /** The amount the event records; a payload that does not parse is a {@link MalformedAccountEvent}. */
    public long amountCents() {
        String amount = payload.split(";", 2)[0];
        if (!amount.startsWith("amount=")) {
            throw new MalformedAccountEvent(customerId, version, "payload '" + payload + "' has no amount=CENTS");
        }
        try {
            return Long.parseLong(amount.substring("amount=".length()));
        } catch (NumberFormatException e) {
            throw new MalformedAccountEvent(customerId, version, "payload '" + payload + "': " + e.getMessage());
        }
    }

    /** An account event that cannot be read back: named by stream and version, never skipped in silence. */
    public static final class MalformedAccountEvent extends IllegalStateException {
        public MalformedAccountEvent(String customerId, int version, String why) {
            super("account " + customerId + ", event version " + version + ": " + why);
        }
    }
}
