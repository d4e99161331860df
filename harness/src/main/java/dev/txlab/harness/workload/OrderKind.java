package dev.txlab.harness.workload;

import dev.txlab.domain.model.Outcome;
import dev.txlab.domain.model.RejectionReason;

/** What the workload meant an order to be; on a conflict-free workload it decides the outcome. */
public enum OrderKind {
    REGULAR(null),
    UNKNOWN_CUSTOMER(RejectionReason.UNKNOWN_CUSTOMER),
    DISABLED_CUSTOMER(RejectionReason.CUSTOMER_DISABLED),
    OUT_OF_STOCK(RejectionReason.OUT_OF_STOCK),
    INSUFFICIENT_FUNDS(RejectionReason.INSUFFICIENT_FUNDS);

    private final RejectionReason refusal;

    OrderKind(RejectionReason refusal) {
        this.refusal = refusal;
    }

    /** The outcome this kind of order reaches on a conflict-free workload. */
    public Outcome conflictFreeOutcome() {
        return refusal == null ? Outcome.APPROVED : Outcome.rejected(refusal);
    }
}
