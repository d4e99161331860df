package dev.txlab.messaging;

/** A message body that is not a valid envelope: it goes to the dead-letter destination with this reason. */
public final class MalformedMessageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MalformedMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
