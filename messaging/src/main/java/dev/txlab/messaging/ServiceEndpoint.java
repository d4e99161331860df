package dev.txlab.messaging;

import dev.txlab.harness.fault.CrashPoint;
import dev.txlab.harness.fault.CrashPoints;
import dev.txlab.harness.placement.ConcurrencyRetry;
import dev.txlab.messaging.inbox.Inbox;
import dev.txlab.messaging.outbox.Outbox;
import dev.txlab.messaging.outbox.OutboxRelay;
import dev.txlab.messaging.spi.MessageHandler;
import dev.txlab.messaging.spi.Subscription;
import dev.txlab.messaging.spi.Transport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * One service's messaging on its own database: its inbox, its outbox and the outbox's relay, and
 * its subscriptions (the service's name is its consumer group). {@link #process} is the "one local
 * transaction per message" of the seed: inbox row, state change and outbox rows commit together;
 * the relay is woken after the commit.
 */
public final class ServiceEndpoint implements AutoCloseable {
    private final String service;
    private final DataSource dataSource;
    private final Transport transport;
    private final Inbox inbox;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final MessageCounters counters;
    private final CrashPoints crashPoints;
    private final ConcurrencyRetry retry = ConcurrencyRetry.ofDefaults();
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final List<String> destinations = new ArrayList<>();
    private final AtomicInteger handling = new AtomicInteger();

    public ServiceEndpoint(String service, DataSource dataSource, Transport transport, MessageCodec codec,
                           MessageCounters counters, CrashPoints crashPoints, Clock clock) {
        this.service = service;
        this.dataSource = dataSource;
        this.transport = transport;
        this.inbox = new Inbox(dataSource, service, clock);
        this.outbox = new Outbox(codec, clock);
        this.relay = new OutboxRelay(service, dataSource, transport, codec, crashPoints, counters);
        this.counters = counters;
        this.crashPoints = crashPoints;
    }

    /** Starts the relay (which first publishes whatever an earlier process left unpublished). */
    public ServiceEndpoint start() {
        relay.start();
        return this;
    }

    /** Subscribes this service's consumer group to a destination. */
    public synchronized void subscribe(String destination, int consumers, MessageHandler handler) {
        subscriptions.add(transport.subscribe(destination, service, consumers, handler));
        destinations.add(destination);
    }

    /** The destinations this service consumes. */
    public synchronized List<String> destinations() {
        return List.copyOf(destinations);
    }

    /**
     * Handles a message once, in one local transaction with its inbox row, retrying deadlocks and
     * lock timeouts, and waiting out an unreachable database ({@link DatabasePatience}); true when handled now, false for a duplicate (skipped, counted). The relay is
     * woken after the commit. Still failing on concurrency after the retries, it throws, and the
     * transport redelivers the message later.
     */
    public boolean process(Message message, Inbox.Work work) throws SQLException {
        handling.incrementAndGet();
        try {
            boolean handled = DatabasePatience.whileUnreachable(() -> retry.run(() -> inbox.process(message, work))
                    .orElseThrow(() -> new SQLTransientException(service + " could not handle " + message.type() + " "
                            + message.messageId() + " for " + message.correlationId() + ": deadlock or lock timeout "
                            + "on each of " + retry.policy().maxAttempts() + " attempts")));
            if (handled) {
                relay.wake();
            } else {
                counters.duplicateSkipped();
            }
            crashPoints.hit(CrashPoint.SAGA_AFTER_CONSUMER_COMMIT_BEFORE_ACK);
            return handled;
        } finally {
            handling.decrementAndGet();
        }
    }

    /** Whether a handler of this service is processing a message right now. */
    public boolean handling() {
        return handling.get() > 0;
    }

    /** Adds a message to the outbox, in the transaction of {@code connection}. */
    public void send(Connection connection, String destination, Message message) throws SQLException {
        outbox.append(connection, destination, message);
    }

    /** Tells the relay that a transaction which wrote outbox rows outside {@link #process} committed. */
    public void committed() {
        relay.wake();
    }

    /** How many outbox rows wait to be published. */
    public long unpublished() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM outbox WHERE published = ?")) {
            count.setBoolean(1, false);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                long unpublished = rows.getLong(1);
                connection.rollback();
                return unpublished;
            }
        }
    }

    public String service() {
        return service;
    }

    /** Stops the subscriptions, then the relay (unacknowledged messages and unpublished rows stay). */
    @Override
    public synchronized void close() {
        subscriptions.forEach(Subscription::close);
        subscriptions.clear();
        relay.close();
    }
}
