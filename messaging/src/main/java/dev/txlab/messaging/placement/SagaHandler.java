package dev.txlab.messaging.placement;

import dev.txlab.domain.model.OrderRequest;
import dev.txlab.domain.service.ServiceName;
import dev.txlab.messaging.Message;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * One service's part in a saga for the messages of one subscription, as {@link SagaRuntime}'s one
 * handler template runs it: {@link #accept} decodes and checks a delivery before any transaction;
 * {@link #apply} does its work in the consumer's local transaction, after the inbox row, and sends
 * what it sends through the outbox; once that commits, the runtime traces the step, completes the
 * order when the work decided its outcome, and counts a late action.
 *
 * @param <P> what the decoded message asks for
 */
public interface SagaHandler<P> {

    /**
     * The work a delivery asks of this service: empty for a message it takes no part in (acknowledged
     * as it is, with no inbox row). Throws {@link dev.txlab.messaging.MalformedMessageException} for a
     * message no attempt can handle (it goes to the dead-letter destination at once).
     */
    Optional<Task<P>> accept(Message message);

    /**
     * The work in the consumer's transaction: the state change and the messages it sends. It may run
     * more than once (a batch rolled back and redone), so it returns what it decided instead of
     * keeping it.
     */
    Effects apply(Connection connection, P payload, Sender sender) throws SQLException;

    /**
     * The key of the state a service's step for {@code order} contends for with other orders' steps:
     * the customer's account in payments (a row it locks, or a stream it appends to); none elsewhere.
     * A batch of deliveries runs its keyed steps in key order ({@link dev.txlab.messaging.inbox.InboxStep#lockKey}).
     */
    static Optional<String> lockKey(ServiceName service, OrderRequest order) {
        return service == ServiceName.PAYMENTS ? Optional.of(order.customerId()) : Optional.empty();
    }

    /**
     * What a delivery asks for: its decoded payload, the order it belongs to, the step to trace once
     * it committed (none for the coordinator's bookkeeping), whether it is a compensating step (the
     * fault plan's failing compensations make its first attempts fail), and the key of the contended
     * state it writes ({@link #lockKey}).
     */
    record Task<P>(P payload, String orderId, Optional<String> tracedStep, boolean compensation,
                   Optional<String> lockKey) {
        public static <P> Task<P> traced(P payload, String orderId, String step, boolean compensation) {
            return new Task<>(payload, orderId, Optional.of(step), compensation, Optional.empty());
        }

        public static <P> Task<P> untraced(P payload, String orderId) {
            return new Task<>(payload, orderId, Optional.empty(), false, Optional.empty());
        }

        /** This task, its step taking the lock of {@code key} (empty: none). */
        public Task<P> locking(Optional<String> key) {
            return new Task<>(payload, orderId, tracedStep, compensation, key);
        }
    }
}
