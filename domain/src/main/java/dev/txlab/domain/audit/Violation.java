package dev.txlab.domain.audit;

/** One broken invariant: which, about what (an order id, a sku, or "money"), and what was found. */
public record Violation(Invariant invariant, String subject, String found) {

    @Override
    public String toString() {
        return invariant.label() + ": " + subject + ": " + found;
    }
}
