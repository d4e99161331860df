package dev.txlab.harness.store;

/** A database could not be reached or prepared; the message says which and why. */
public final class StoreUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
