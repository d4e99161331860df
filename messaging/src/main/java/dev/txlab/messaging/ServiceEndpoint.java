package dev.txlab.messaging;

import dev.txlab.harness.fault.CrashPoints;
import dev.txlab.harness.placement.Batching;
import dev.txlab.messaging.inbox.Inbox;
import dev.txlab.messaging.inbox.InboxHandler;
import dev.txlab.messaging.outbox.Outbox;
import dev.txlab.messaging.outbox.OutboxRelay;
import dev.txlab.messaging.outbox.RelaySource;
import dev.txlab.messaging.spi.BatchHandler;
import dev.txlab.messaging.spi.Subscription;
import dev.txlab.messaging.spi.Transport;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * One service's messaging on its own database: its inbox, its outbox and the outbox's relay (and,
 * for the orders service whose event store is an outbox too, that store's relay: {@link #publishFrom}),
 * and its subscriptions (the service's name is its consumer group). Each subscription's deliveries
 * are handled through the inbox, a batch of them in one local transaction ({@link InboxConsumer}):
 * each one's inbox row, state change and outbox rows commit together; the relays are woken after the
 * commit: the outbox's only when that transaction sent something (with event-sourced orders most of
 * the orders service's commits append events and send nothing, and every wake of an empty outbox's
 * relay cost a query and a rollback), another source's after every commit.
 */
public final class ServiceEndpoint implements AutoCloseable {
    private final String service;
    private final DataSource dataSource;
    private final Transport transport;
    private final Inbox inbox;
    private final Outbox outbox;
    private final OutboxRelay<String> outboxRelay;
    /** Whether this thread's transaction sent something through the outbox since its last {@link #committed}. */
    private final ThreadLocal<Boolean> sentSinceCommit = ThreadLocal.withInitial(() -> Boolean.FALSE);
    private final List<OutboxRelay<?>> otherRelays = new CopyOnWriteArrayList<>();
    private final MessageCounters counters;
    private final CrashPoints crashPoints;
    private final Batching batching;
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final List<String> destinations = new ArrayList<>();
    private final AtomicInteger handling = new AtomicInteger();

    public ServiceEndpoint(String service, DataSource dataSource, Transport transport, MessageCodec codec,
                           MessageCounters counters, CrashPoints crashPoints, Batching batching, Clock clock) {
        this.service = service;
        this.batching = batching;
        this.dataSource = dataSource;
        this.transport = transport;
        this.inbox = new Inbox(dataSource, service, clock);
        this.outbox = new Outbox(codec, clock);
        this.counters = counters;
        this.crashPoints = crashPoints;
        this.outboxRelay = OutboxRelay.ofOutbox(service, dataSource, transport, codec, crashPoints, counters);
    }

    /** Publishes from another source of this database too, with a relay of its own (call before {@link #start}). */
    public void publishFrom(String name, RelaySource<?> source) {
        otherRelays.add(new OutboxRelay<>(service + "-" + name, dataSource, source, transport, crashPoints, counters));
    }

    /** Starts the relays (which first publish whatever an earlier process left unpublished). */
    public ServiceEndpoint start() {
        relays().forEach(OutboxRelay::start);
        return this;
    }

    private List<OutboxRelay<?>> relays() {
        List<OutboxRelay<?>> relays = new ArrayList<>();
        relays.add(outboxRelay);
        relays.addAll(otherRelays);
        return relays;
    }

    /**
     * Subscribes this service's consumer group to a destination, with {@code consumers} threads each
     * handling its deliveries in batches as the run's batching says ({@link InboxConsumer}).
     */
    public synchronized void subscribe(String destination, int consumers, InboxHandler handler) {
        InboxConsumer consumer = new InboxConsumer(service, dataSource, inbox, handler, counters, crashPoints,
                this::committed);
        BatchHandler counted = messages -> {
            handling.incrementAndGet();
            try {
                return consumer.handleAll(messages);
            } finally {
                handling.decrementAndGet();
            }
        };
        subscriptions.add(transport.subscribe(destination, service, consumers, batching, counted));
        destinations.add(destination);
    }

    /** The destinations this service consumes. */
    public synchronized List<String> destinations() {
        return List.copyOf(destinations);
    }

    /** Whether a consumer of this service is handling deliveries right now. */
    public boolean handling() {
        return handling.get() > 0;
    }

    /**
     * Adds a message to the outbox, in the transaction of {@code connection}, which this thread commits
     * and then calls {@link #committed} (were the commit on another thread, the relay's poll would find
     * the row instead of its wake).
     */
    public void send(Connection connection, String destination, Message message) throws SQLException {
        outbox.append(connection, destination, message);
        sentSinceCommit.set(Boolean.TRUE);
    }

    /**
     * Tells the relays that this thread's transaction committed: the outbox's relay when the thread
     * sent something since its last call (a rolled-back send only wakes it once in vain), the other
     * sources' relays always.
     */
    public void committed() {
        if (sentSinceCommit.get()) {
            sentSinceCommit.set(Boolean.FALSE);
            outboxRelay.wake();
        }
        otherRelays.forEach(OutboxRelay::wake);
    }

    /** How many times the relays were woken, the outbox's first, then the other sources' in the order added. */
    public List<Long> relaysWoken() {
        return relays().stream().map(OutboxRelay::woken).toList();
    }

    /** How many outbox rows (and events to publish) wait to be published. */
    public long unpublished() throws SQLException {
        long unpublished = 0;
        for (OutboxRelay<?> relay : relays()) {
            unpublished += relay.unpublished();
        }
        return unpublished;
    }

    public String service() {
        return service;
    }

    /** Stops the subscriptions, then the relays (unacknowledged messages and unpublished rows stay). */
    @Override
    public synchronized void close() {
        subscriptions.forEach(Subscription::close);
        subscriptions.clear();
        relays().forEach(OutboxRelay::close);
    }
}
