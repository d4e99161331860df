package dev.txlab.harness.run;

/**
 * A server cannot give a run what it needs (prepared transactions, connections, XA rights); found
 * before anything was reset. The message is one line: the setting, its value, what is needed, the fix.
 */
public final class PreflightFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PreflightFailedException(String message) {
        super(message);
    }
}
