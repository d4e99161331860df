package dev.txlab.messaging.spi;

import dev.txlab.messaging.Message;

/** Handles one delivered message; returning acknowledges it, throwing asks for a redelivery. */
@FunctionalInterface
public interface MessageHandler {
    void handle(Message message) throws Exception;
}
