package dev.txlab.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * What the dead-letter destination keeps of a message that could not be handled: where it was
 * going, why it failed, after how many attempts, and its body as received (so nothing is lost,
 * even a body that was not an envelope). Carried as the payload of a {@value #TYPE} message.
 */
public record DeadLetter(String destination, String reason, int attempts, String body) {
    public static final String TYPE = "txlab.DeadLetter";

    /** The message that carries a dead letter of {@code body} to the dead-letter destination of {@code destination}. */
    public static Message envelope(String destination, byte[] body, int attempts, String reason, MessageCodec codec,
                                   Clock clock) {
        DeadLetter letter = new DeadLetter(destination, reason, attempts, new String(body, StandardCharsets.UTF_8));
        return Message.create(TYPE, "dead-letter", null, clock.instant(), codec.toJson(letter));
    }
}
