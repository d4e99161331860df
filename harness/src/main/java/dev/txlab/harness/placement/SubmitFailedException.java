package dev.txlab.harness.placement;

/**
 * An infrastructure failure before the acknowledgement: the order was not accepted and left no
 * trace. After an acknowledgement no submit fails; the order reaches an outcome.
 */
public final class SubmitFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SubmitFailedException(String orderId, Throwable cause) {
        super("order " + orderId + " was not accepted: " + cause.getMessage(), cause);
    }
}
