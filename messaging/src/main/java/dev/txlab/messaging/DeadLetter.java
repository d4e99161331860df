package dev.txlab.messaging;

/**
 * What the dead-letter destination keeps of a message that could not be handled: where it was
 * going, why it failed, after how many attempts, and its body as received (so nothing is lost,
 * even a body that was not an envelope). Carried as the payload of a {@value #TYPE} message.
 */
public record DeadLetter(String destination, String reason, int attempts, String body) {
    public static final String TYPE = "txlab.DeadLetter";
}
