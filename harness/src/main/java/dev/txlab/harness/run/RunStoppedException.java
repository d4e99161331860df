package dev.txlab.harness.run;

/**
 * A run stopped before its workload ended because it could not go on (the disk full); what it
 * acknowledged is in its ledger and databases, and {@code txlab recover} finishes it once the cause
 * is gone. The message is one line.
 */
public final class RunStoppedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RunStoppedException(String message) {
        super(message);
    }
}
