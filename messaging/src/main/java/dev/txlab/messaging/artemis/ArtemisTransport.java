package dev.txlab.messaging.artemis;

import dev.txlab.harness.placement.Batching;
import dev.txlab.harness.store.Durability;
import dev.txlab.messaging.DeadLetter;
import dev.txlab.messaging.Message;
import dev.txlab.messaging.MessageCodec;
import dev.txlab.messaging.spi.BatchHandler;
import dev.txlab.messaging.spi.Subscription;
import dev.txlab.messaging.spi.Transport;
import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientProducer;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Artemis embedded in this JVM, reached in-VM through its core API. Each destination is a multicast
 * address; each consumer group a durable queue on it, read by one transacted session per consumer
 * thread ({@link ArtemisConsumer}, which takes its deliveries in batches); the correlation id is the
 * message group, so one order's messages go to one consumer in order. A failed delivery comes again
 * as a copy scheduled after the {@link Transport#REDELIVERY} pause, sent in the transaction that
 * acknowledges the original (Artemis' own redelivery, with the same pauses, only serves a session
 * that failed before its commit); the adapter dead-letters a message on its last attempt, or at once
 * when its body is not an envelope, so the reason travels with it.
 */
public final class ArtemisTransport implements Transport {
    private static final AtomicInteger SERVER_IDS = new AtomicInteger();
    /** The journal's folder under the broker's directory (where Artemis also keeps its server.lock). */
    static final String JOURNAL = "journal";

    /**
     * How long the journal gathers writes before it writes them out. Artemis' default (3.3 ms) suits
     * an fsync per write (durability power); without the fsync (durability process) a send would
     * wait most of that for nothing: 0.1 ms halved the messaging round trip (p50 3.7 to 2.4 ms).
     */
    private static final int POWER_BUFFER_TIMEOUT_NANOS = 3_333_333;
    private static final int PROCESS_BUFFER_TIMEOUT_NANOS = 100_000;
    /**
     * Message groups (the correlation id, so one order's messages reach one consumer at a time, in
     * order) hashed into this many buckets per queue. Unbounded groups (Artemis' default) keep every
     * group id a queue ever saw: one entry per order per queue, which grew a 10-minute saga-orch run's
     * live heap from 124 to 198 MiB. A bucket keeps the order of all its groups, which is at least as
     * strict; 1,024 of them spread the groups evenly over a subscription's consumers.
     */
    static final int GROUP_BUCKETS = 1024;

    private final MessageCodec codec = new MessageCodec();
    private final Clock clock;
    private final boolean persistent;
    private final EmbeddedActiveMQ server = new EmbeddedActiveMQ();
    private final ServerLocator locator;
    private final ClientSessionFactory factory;
    private final ClientSession publishSession;
    private final ClientProducer producer;
    /** Sends a batch in one broker transaction: one journal write for all of it. */
    private final ClientSession batchSession;
    private final ClientProducer batchProducer;
    private final List<Subscription> subscriptions = new ArrayList<>();
    /**
     * Failed attempts per destination and message id. A redelivery is a new copy with a delivery
     * count of its own, so the adapter counts (per process: a restart starts the count again, which
     * only adds attempts).
     */
    private final Map<String, Integer> attempts = new ConcurrentHashMap<>();

    /**
     * Starts the broker with its journal in {@code dir}, persistent unless durability is none. A
     * durable send returns only once its journal write reached the operating system (so a process
     * killed right after keeps it: durability process); for durability power also after fdatasync.
     * Without that wait Artemis keeps writes in its timed buffer for a few milliseconds, and a halt
     * then loses messages the outbox relay had already marked published.
     */
    public ArtemisTransport(Path dir, Durability durability, Clock clock) {
        this.clock = clock;
        this.persistent = durability != Durability.NONE;
        String url = inVmUrl();
        try {
            server.setConfiguration(configuration(dir, durability, url));
            server.start();
            locator = ActiveMQClient.createServerLocator(url).setBlockOnDurableSend(true);
            factory = locator.createSessionFactory();
            publishSession = factory.createSession(false, true, true);
            producer = publishSession.createProducer();
            publishSession.start();
            batchSession = factory.createSession(false, false, true);
            batchProducer = batchSession.createProducer();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the embedded Artemis broker in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The broker's configuration: its journal and other stores under {@code dir}, persistent unless durability is none. */
    static Configuration configuration(Path dir, Durability durability, String url) throws Exception {
        boolean persistent = durability != Durability.NONE;
        Configuration configuration = new ConfigurationImpl()
                .setPersistenceEnabled(persistent)
                .setSecurityEnabled(false)
                .setJournalType(JournalType.NIO)
                .setJournalDirectory(dir.resolve(JOURNAL).toString())
                .setBindingsDirectory(dir.resolve("bindings").toString())
                .setPagingDirectory(dir.resolve("paging").toString())
                .setLargeMessagesDirectory(dir.resolve("large-messages").toString())
                .setJournalSyncTransactional(persistent)
                .setJournalSyncNonTransactional(persistent)
                .setJournalDatasync(durability == Durability.POWER)
                .setJournalBufferTimeout_NIO(durability == Durability.POWER ? POWER_BUFFER_TIMEOUT_NANOS
                        : PROCESS_BUFFER_TIMEOUT_NANOS)
                .addAcceptorConfiguration("in-vm", url);
        configuration.addAddressSetting("#", new AddressSettings()
                .setDefaultGroupBuckets(GROUP_BUCKETS)
                .setMaxDeliveryAttempts(-1)
                .setDeadLetterAddress(SimpleString.of("txlab.unhandled"))
                .setExpiryAddress(SimpleString.of("txlab.expired"))
                .setRedeliveryDelay(REDELIVERY.firstDelay().toMillis())
                .setRedeliveryMultiplier(2)
                .setMaxRedeliveryDelay(REDELIVERY.maxDelay().toMillis())
                .setAutoCreateAddresses(true));
        return configuration;
    }

    /** An in-VM address no other embedded broker of this JVM uses. */
    static String inVmUrl() {
        return "vm://" + SERVER_IDS.incrementAndGet();
    }

    @Override
    public synchronized void publish(String destination, Message message) {
        try {
            producer.send(SimpleString.of(destination), toClientMessage(publishSession, message));
        } catch (ActiveMQException e) {
            throw new IllegalStateException("cannot publish " + message.messageId() + " to " + destination + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void publishAll(List<Outgoing> messages) {
        try {
            for (Outgoing outgoing : messages) {
                batchProducer.send(SimpleString.of(outgoing.destination()),
                        toClientMessage(batchSession, outgoing.message()));
            }
            batchSession.commit();
        } catch (ActiveMQException e) {
            rollbackQuietly(batchSession);
            throw new IllegalStateException("cannot publish a batch of " + messages.size() + " messages: "
                    + e.getMessage(), e);
        }
    }

    private static void rollbackQuietly(ClientSession session) {
        try {
            session.rollback();
        } catch (ActiveMQException e) {
            // nothing was committed either way
        }
    }

    /** Publishes a body as it is, envelope or not (for tests of what consumers do with bad bodies). */
    synchronized void publishRaw(String destination, byte[] body) {
        ClientMessage out = publishSession.createMessage(persistent);
        out.getBodyBuffer().writeBytes(body);
        try {
            producer.send(SimpleString.of(destination), out);
        } catch (ActiveMQException e) {
            throw new IllegalStateException("cannot publish to " + destination + ": " + e.getMessage(), e);
        }
    }

    private ClientMessage toClientMessage(ClientSession session, Message message) {
        ClientMessage out = session.createMessage(persistent);
        out.getBodyBuffer().writeBytes(codec.encode(message));
        out.putStringProperty(org.apache.activemq.artemis.api.core.Message.HDR_GROUP_ID,
                SimpleString.of(message.correlationId()));
        return out;
    }

    @Override
    public synchronized Subscription subscribe(String destination, String group, int consumers, Batching batching,
                                               BatchHandler handler) {
        List<ClientSession> sessions = new ArrayList<>();
        List<ArtemisConsumer> started = new ArrayList<>();
        try {
            SimpleString queue = queueOf(destination, group);
            for (int i = 0; i < consumers; i++) {
                ClientSession session = factory.createSession(false, false, false);
                sessions.add(session);
                if (i == 0) {
                    ensureQueue(session, destination, group);
                    if (!Transport.isDeadLetterDestination(destination)) {
                        ensureQueue(session, Transport.deadLetterDestination(destination), DEAD_LETTER_GROUP);
                    }
                }
                started.add(new ArtemisConsumer(this, session, destination, queue, batching, handler,
                        "txlab-artemis-" + queue + "-" + i).start());
            }
        } catch (ActiveMQException e) {
            started.forEach(ArtemisConsumer::close);
            sessions.forEach(ArtemisTransport::closeQuietly);
            throw new IllegalStateException("cannot subscribe " + group + " to " + destination + ": " + e.getMessage(), e);
        }
        Subscription subscription = () -> started.forEach(ArtemisConsumer::close);
        subscriptions.add(subscription);
        return subscription;
    }

    /**
     * Makes sure a group's durable queue exists on a destination. The dead-letter destination of
     * every subscribed destination gets the {@link #DEAD_LETTER_GROUP}'s queue at once: Artemis
     * drops what is sent to an address without queues, and a dead letter must never be lost.
     */
    private void ensureQueue(ClientSession session, String destination, String group) throws ActiveMQException {
        SimpleString queue = queueOf(destination, group);
        if (!session.queueQuery(queue).isExists()) {
            session.createQueue(QueueConfiguration.of(queue).setAddress(destination)
                    .setRoutingType(RoutingType.MULTICAST).setDurable(persistent));
        }
    }

    /**
     * The queue of a consumer group on a destination. Not {@code destination::group}: Artemis reads
     * that as a fully qualified name whose queue is just {@code group}, so one group's queues on two
     * destinations would be the same queue.
     */
    private static SimpleString queueOf(String destination, String group) {
        return SimpleString.of(destination + "|" + group);
    }

    /**
     * Makes a delivery come again later: a copy scheduled for then goes to this group's queue alone
     * (its fully qualified name), committed together with the ack of the original.
     */
    void comeAgain(ClientSession session, String destination, SimpleString queue, Message message,
                   Duration delay) throws ActiveMQException {
        ClientMessage copy = toClientMessage(session, message);
        copy.putLongProperty(org.apache.activemq.artemis.api.core.Message.HDR_SCHEDULED_DELIVERY_TIME,
                clock.millis() + delay.toMillis());
        try (ClientProducer again = session.createProducer()) {
            again.send(SimpleString.of(destination + "::" + queue), copy);
        }
    }

    void deadLetter(ClientSession session, String destination, byte[] body, int attempts, String reason,
                    BatchHandler handler) throws ActiveMQException {
        try (ClientProducer deadLetters = session.createProducer()) {
            deadLetters.send(SimpleString.of(Transport.deadLetterDestination(destination)),
                    toClientMessage(session, DeadLetter.envelope(destination, body, attempts, reason, codec, clock)));
        }
        handler.deadLettered(reason);
    }

    MessageCodec codec() {
        return codec;
    }

    /** Failed attempts per destination and message id, kept across the copies that redeliver a message. */
    Map<String, Integer> attempts() {
        return attempts;
    }

    static void closeQuietly(ClientSession session) {
        try {
            session.close();
        } catch (ActiveMQException e) {
            // the session is gone either way; its unacknowledged messages stay on the broker
        }
    }

    @Override
    public synchronized void close() {
        subscriptions.forEach(Subscription::close);
        subscriptions.clear();
        closeQuietly(publishSession);
        closeQuietly(batchSession);
        factory.close();
        locator.close();
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the embedded Artemis broker: " + e.getMessage(), e);
        }
    }
}
