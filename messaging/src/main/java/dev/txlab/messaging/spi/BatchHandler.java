package dev.txlab.messaging.spi;

import dev.txlab.messaging.Message;

import java.util.List;

/**
 * Handles the deliveries a consumer took together, in the order they came, and says how each ended;
 * the transport acknowledges the handled ones and redelivers, holds back or dead-letters the others
 * as their failures say. It never throws: a failure belongs to a delivery.
 */
public interface BatchHandler {
    DeliveryResults handleAll(List<Message> messages);

    /** Told by the transport when a delivery went to the dead-letter destination instead, and why. */
    default void deadLettered(String reason) {
    }

    /** Handles each delivery on its own with {@code handler}, keeping one order's messages in order. */
    static BatchHandler oneByOne(MessageHandler handler) {
        return new BatchHandler() {
            @Override
            public DeliveryResults handleAll(List<Message> messages) {
                DeliveryResults results = new DeliveryResults(messages);
                for (int i = 0; i < messages.size(); i++) {
                    if (results.heldBackBehindAFailure(i)) {
                        continue;
                    }
                    try {
                        handler.handle(messages.get(i));
                    } catch (Exception e) {
                        results.failed(i, e);
                    }
                }
                return results;
            }

            @Override
            public void deadLettered(String reason) {
                handler.deadLettered(reason);
            }
        };
    }
}
