package dev.txlab.harness.run;

/**
 * The prefix holds no run record, but a setup was started there and killed before it wrote one: no
 * order was acknowledged, so there is nothing to recover or audit. Not an error; the message says so.
 */
public final class SetupKilledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SetupKilledException(String message) {
        super(message);
    }
}
