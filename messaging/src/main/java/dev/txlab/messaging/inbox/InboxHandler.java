package dev.txlab.messaging.inbox;

import dev.txlab.messaging.Message;

import java.util.Optional;

/**
 * A service's handling of the messages of one subscription, before any transaction: decode and
 * check the message, and say what its local transaction must do ({@link InboxStep}), or nothing (a
 * message this service takes no part in: acknowledged as it is, with no inbox row). Throwing fails
 * this delivery alone (a {@link dev.txlab.messaging.MalformedMessageException} sends it to the
 * dead-letter destination at once; anything else has it delivered again).
 */
@FunctionalInterface
public interface InboxHandler {
    Optional<InboxStep<?>> prepare(Message message) throws Exception;
}
