package dev.txlab.messaging;

/** A delivery a fault plan dropped before its ack: the broker delivers the message again. */
public final class DroppedDeliveryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DroppedDeliveryException(Message message) {
        super("delivery of " + message.messageId() + " dropped before its ack by the fault plan");
    }
}
