package dev.txlab.messaging;

import dev.txlab.harness.fault.CrashPoint;
import dev.txlab.harness.fault.CrashPoints;
import dev.txlab.harness.placement.ConcurrencyRetry;
import dev.txlab.messaging.inbox.Inbox;
import dev.txlab.messaging.inbox.InboxHandler;
import dev.txlab.messaging.inbox.InboxStep;
import dev.txlab.messaging.spi.BatchHandler;
import dev.txlab.messaging.spi.DeliveryResults;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * One subscription of a service, handling the deliveries a consumer took together through the
 * service's inbox: all of them in ONE local transaction (each one's inbox row, state change and
 * outbox rows), then each one's after-commit work. When that transaction fails (a statement of one
 * delivery failed, a lock timed out, a duplicate raced in), it is rolled back whole and every
 * delivery is redone in a transaction of its own, in order, with the retries and the patience of a
 * single delivery: so a failing delivery's statements never commit, the others' effects commit
 * entirely, and a later delivery of a failed one's order waits for it. A batch of one is the naive
 * runtime: a local transaction per message. Within the one transaction, steps that name the
 * contended state they write ({@link InboxStep#lockKey}) run in key order.
 */
final class InboxConsumer implements BatchHandler {
    private final String service;
    private final DataSource dataSource;
    private final Inbox inbox;
    private final InboxHandler handler;
    private final MessageCounters counters;
    private final CrashPoints crashPoints;
    private final Runnable committed;
    private final ConcurrencyRetry retry = ConcurrencyRetry.ofDefaults();

    /**
     * @param committed called after a transaction that handled a delivery committed (wakes the outbox relay)
     */
    InboxConsumer(String service, DataSource dataSource, Inbox inbox, InboxHandler handler,
                  MessageCounters counters, CrashPoints crashPoints, Runnable committed) {
        this.service = service;
        this.dataSource = dataSource;
        this.inbox = inbox;
        this.handler = handler;
        this.counters = counters;
        this.crashPoints = crashPoints;
        this.committed = committed;
    }

    /** A delivery whose step is to run, and what its transaction decided. */
    private static final class Prepared<R> {
        final int index;
        final Message message;
        final InboxStep<R> step;
        R result;
        boolean isNew;

        Prepared(int index, Message message, InboxStep<R> step) {
            this.index = index;
            this.message = message;
            this.step = step;
        }

        void apply(Connection connection) throws SQLException {
            result = step.apply(connection);
        }

        void committed() {
            step.committed(result);
        }
    }

    @Override
    public DeliveryResults handleAll(List<Message> messages) {
        DeliveryResults results = new DeliveryResults(messages);
        List<Prepared<?>> prepared = prepare(messages, results);
        if (prepared.isEmpty()) {
            return results;
        }
        if (prepared.size() > 1 && handledTogether(prepared)) {
            counters.batchCommitted(prepared.size());
        } else {
            handleEachAlone(prepared, results);
        }
        if (prepared.stream().anyMatch(delivery -> results.failure(delivery.index).isEmpty())) {
            crashPoints.hit(CrashPoint.SAGA_AFTER_CONSUMER_COMMIT_BEFORE_ACK);
        }
        return results;
    }

    /** Each delivery's step, decided before any transaction; a delivery that cannot be prepared fails alone. */
    private List<Prepared<?>> prepare(List<Message> messages, DeliveryResults results) {
        List<Prepared<?>> prepared = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            if (results.heldBackBehindAFailure(i)) {
                continue;
            }
            try {
                Optional<InboxStep<?>> step = handler.prepare(messages.get(i));
                if (step.isPresent()) {
                    prepared.add(new Prepared<>(i, messages.get(i), step.get()));
                }
            } catch (Exception e) {
                results.failed(i, e);
            }
        }
        return prepared;
    }

    /** All steps in one local transaction; false (everything rolled back) when any of it failed. */
    private boolean handledTogether(List<Prepared<?>> batch) {
        try (Connection connection = dataSource.getConnection()) {
            try {
                boolean[] isNew = inbox.recordAll(connection, batch.stream().map(delivery -> delivery.message).toList());
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).isNew = isNew[i];
                }
                List<Prepared<?>> inLockOrder = inLockOrder(batch);
                for (int i = 0; i < inLockOrder.size(); i++) {
                    if (inLockOrder.get(i).isNew) {
                        inLockOrder.get(i).apply(connection);
                    }
                    if (i == 0) {
                        crashPoints.hit(CrashPoint.SAGA_MID_BATCH, () -> "batch=" + batch.size());
                    }
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                return false;
            }
        } catch (SQLException e) {
            return false;
        }
        afterCommit(batch);
        return true;
    }

    /**
     * The order in which a batch's steps run in its transaction: by their lock keys when every step has
     * one (a stable sort: one key's steps, one order's among them, keep their delivery order), else as
     * delivered. Every batch then takes the contended keys in one global order, and none waits for
     * another that waits for it.
     */
    private static List<Prepared<?>> inLockOrder(List<Prepared<?>> batch) {
        if (batch.stream().anyMatch(delivery -> delivery.step.lockKey().isEmpty())) {
            return batch;
        }
        List<Prepared<?>> sorted = new ArrayList<>(batch);
        sorted.sort(Comparator.comparing(delivery -> delivery.step.lockKey().orElseThrow()));
        return sorted;
    }

    private void afterCommit(List<Prepared<?>> handled) {
        boolean anyNew = false;
        for (Prepared<?> delivery : handled) {
            if (delivery.isNew) {
                anyNew = true;
                delivery.committed();
            } else {
                counters.duplicateSkipped();
            }
        }
        if (anyNew) {
            committed.run();
        }
    }

    /**
     * Each step in a local transaction of its own, retrying deadlocks and lock timeouts and waiting
     * out an unreachable database ({@link DatabasePatience}); a step still failing fails its delivery,
     * and the later deliveries of its order wait.
     */
    private void handleEachAlone(List<Prepared<?>> batch, DeliveryResults results) {
        for (Prepared<?> delivery : batch) {
            if (results.heldBackBehindAFailure(delivery.index)) {
                continue;
            }
            try {
                delivery.isNew = DatabasePatience.whileUnreachable(() -> retry.run(
                        () -> inbox.process(delivery.message, delivery::apply)).orElseThrow(() -> gaveUp(delivery)));
                counters.batchCommitted(1);
                afterCommit(List.of(delivery));
            } catch (Exception e) {
                results.failed(delivery.index, e);
            }
        }
    }

    private SQLTransientException gaveUp(Prepared<?> delivery) {
        Message message = delivery.message;
        return new SQLTransientException(service + " could not handle " + message.type() + " " + message.messageId()
                + " for " + message.correlationId() + ": deadlock or lock timeout on each of "
                + retry.policy().maxAttempts() + " attempts");
    }
}
