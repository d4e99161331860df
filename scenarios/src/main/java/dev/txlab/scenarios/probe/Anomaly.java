package dev.txlab.scenarios.probe;

/**
 * What a reader can see that a single atomic, isolated transaction would never show it. Each is
 * judged against the order's final outcome, so only what really happened counts.
 */
public enum Anomaly {
    /**
     * Stock reserved or money taken by an order that ended REJECTED: the effect was compensated later.
     * Seen as one transaction, the saga let a reader see uncommitted work (Adya's G1a, aborted read).
     */
    DIRTY_READ("dirty read", "read a reservation or payment of an order that ended REJECTED"),
    /** The order PENDING: a state between the transaction's start and its end, visible to others. */
    INTERMEDIATE_STATE("intermediate state", "read the order PENDING"),
    /**
     * The order APPROVED, then its reservation or payment not (yet) there, though the order ended
     * APPROVED: the databases' commits became visible one by one (2PC's phase 2 is not atomic to readers).
     */
    NON_ATOMIC_COMMIT("non-atomic commit", "read the order APPROVED, then its reservation or payment missing"),
    /**
     * The order's summary in the read models (event-sourced orders) behind its stream at the moment of
     * the read: the view and the stream read in one statement, the view's version below the stream's.
     * Not an intermediate state (a PENDING summary of a PENDING stream is up to date), but the read
     * side's lag, seen by a reader.
     */
    STALE_READ("stale read", "read the order's summary in the read models behind its stream");

    private final String label;
    private final String meaning;

    Anomaly(String label, String meaning) {
        this.label = label;
        this.meaning = meaning;
    }

    public String label() {
        return label;
    }

    public String meaning() {
        return meaning;
    }
}
