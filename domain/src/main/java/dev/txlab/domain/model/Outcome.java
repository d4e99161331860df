package dev.txlab.domain.model;

import java.util.Objects;
import java.util.Optional;

/** The final outcome of an order: APPROVED, or REJECTED with a reason. */
public record Outcome(OrderStatus status, RejectionReason reason) {
    public static final Outcome APPROVED = new Outcome(OrderStatus.APPROVED, null);

    public Outcome {
        Objects.requireNonNull(status, "status");
        if (status == OrderStatus.PENDING) {
            throw new IllegalArgumentException("PENDING is not an outcome");
        }
        if ((status == OrderStatus.REJECTED) != (reason != null)) {
            throw new IllegalArgumentException("a reason goes with REJECTED and only with it");
        }
    }

    public static Outcome rejected(RejectionReason reason) {
        return new Outcome(OrderStatus.REJECTED, Objects.requireNonNull(reason, "reason"));
    }

    public boolean isApproved() {
        return status == OrderStatus.APPROVED;
    }

    public Optional<RejectionReason> rejectionReason() {
        return Optional.ofNullable(reason);
    }

    /** {@code APPROVED} or {@code REJECTED(REASON)}: the label used in counts and reports. */
    public String label() {
        return isApproved() ? "APPROVED" : "REJECTED(" + reason + ")";
    }

    @Override
    public String toString() {
        return label();
    }
}
