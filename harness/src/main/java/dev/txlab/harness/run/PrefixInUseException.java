package dev.txlab.harness.run;

/** Another process works on the prefix; the message names it (host, pid, start) in one line. */
public final class PrefixInUseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PrefixInUseException(String message) {
        super(message);
    }
}
