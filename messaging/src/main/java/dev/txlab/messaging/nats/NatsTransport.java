package dev.txlab.messaging.nats;

import dev.txlab.harness.store.Durability;
import dev.txlab.messaging.DeadLetter;
import dev.txlab.messaging.DeliveryVerdict;
import dev.txlab.messaging.MalformedMessageException;
import dev.txlab.messaging.Message;
import dev.txlab.messaging.MessageCodec;
import dev.txlab.messaging.spi.MessageHandler;
import dev.txlab.messaging.spi.Subscription;
import dev.txlab.messaging.spi.Transport;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.ErrorListener;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.PushSubscribeOptions;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.PublishAck;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * JetStream at a URL. Destination {@code d} is subject {@code <prefix>.d} of the stream
 * {@code <prefix>-messages}; a consumer group is a durable consumer with explicit acks, delivered
 * to a queue group of the same name (so several processes can share it), whose deliveries are
 * handed to its consumer threads by correlation id (one order's messages to one thread, in order,
 * within a process). A failing handler's message is nak'ed with a back-off and comes again; on its
 * last attempt (JetStream's delivery count), or at once when no attempt can handle it, the adapter
 * publishes it with the reason to the dead-letter stream {@code <prefix>-dead-letters} (JetStream
 * has no dead-letter queue of its own), then acks it.
 */
public final class NatsTransport implements Transport {
    private static final Logger LOG = LoggerFactory.getLogger(NatsTransport.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    /** How long an unacknowledged delivery waits before JetStream sends it again (e.g. after a crash). */
    private static final Duration ACK_WAIT = Duration.ofSeconds(15);
    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(10);

    /** The client's default listener prints every connection error; the adapter reports them itself. */
    private static final ErrorListener QUIET = new ErrorListener() {
    };

    private final MessageCodec codec = new MessageCodec();
    private final String prefix;
    private final Clock clock;
    private final Connection connection;
    private final JetStream jetStream;
    private final List<NatsSubscription> subscriptions = new ArrayList<>();
    /**
     * Deliveries held back by the fault plan, per message id: JetStream counts them as deliveries,
     * the attempts that decide dead-lettering must not (per process, like Artemis' attempt counts).
     */
    private final Map<String, Integer> deferrals = new ConcurrentHashMap<>();

    /**
     * Connects and makes sure the prefix's stream exists (file storage, or memory for durability none).
     *
     * @param fresh delete the prefix's stream first (a fresh run); false keeps what it holds (recovery)
     */
    public NatsTransport(String url, String prefix, Durability durability, Clock clock, boolean fresh) {
        this.prefix = prefix;
        this.clock = clock;
        try {
            connection = Nats.connect(new Options.Builder().server(url).connectionTimeout(CONNECT_TIMEOUT)
                    .maxReconnects(10).errorListener(QUIET).build());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot reach NATS at " + url + ": " + e.getMessage()
                    + " (start the server with JetStream enabled, or point --transport-url at one)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while connecting to NATS at " + url, e);
        }
        try {
            JetStreamManagement management = connection.jetStreamManagement();
            StorageType storage = durability == Durability.NONE ? StorageType.Memory : StorageType.File;
            ensureStream(management, messagesStream(prefix), prefix + ".>", storage, fresh);
            ensureStream(management, deadLettersStream(prefix), prefix + "-dead-letter.>", storage, fresh);
            jetStream = connection.jetStream();
        } catch (IOException | JetStreamApiException e) {
            close();
            throw new IllegalArgumentException("NATS at " + url + " has no usable JetStream: " + e.getMessage(), e);
        }
    }

    /** The stream of a prefix's messages. */
    static String messagesStream(String prefix) {
        return prefix + "-messages";
    }

    /** The stream of a prefix's dead letters. */
    static String deadLettersStream(String prefix) {
        return prefix + "-dead-letters";
    }

    private static void ensureStream(JetStreamManagement management, String stream, String subjects,
                                     StorageType storage, boolean fresh) throws IOException, JetStreamApiException {
        if (fresh && management.getStreamNames().contains(stream)) {
            management.deleteStream(stream);
        }
        if (!management.getStreamNames().contains(stream)) {
            management.addStream(StreamConfiguration.builder().name(stream).subjects(subjects)
                    .storageType(storage).build());
        }
    }

    private String subject(String destination) {
        return Transport.isDeadLetterDestination(destination) ? prefix + "-dead-letter." + destination
                : prefix + "." + destination;
    }

    @Override
    public void publish(String destination, Message message) {
        publishBytes(destination, codec.encode(message));
    }

    /** Sends the batch without waiting for each ack, then waits for all of them (the stream keeps their order). */
    @Override
    public void publishAll(List<Outgoing> messages) {
        List<CompletableFuture<PublishAck>> acks = new ArrayList<>();
        for (Outgoing outgoing : messages) {
            acks.add(jetStream.publishAsync(subject(outgoing.destination()), codec.encode(outgoing.message())));
        }
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(PUBLISH_TIMEOUT.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot publish a batch of " + messages.size() + " messages: "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing a batch", e);
        }
    }

    /** Publishes a body as it is, envelope or not (for tests of what consumers do with bad bodies). */
    void publishBytes(String destination, byte[] body) {
        try {
            jetStream.publish(subject(destination), body);
        } catch (IOException | JetStreamApiException e) {
            throw new IllegalStateException("cannot publish to " + destination + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized Subscription subscribe(String destination, String group, int consumers,
                                               MessageHandler handler) {
        Dispatcher dispatcher = connection.createDispatcher();
        String durable = (group + "_" + destination).replaceAll("[^A-Za-z0-9_-]", "_");
        ConsumerConfiguration consumer = ConsumerConfiguration.builder()
                .durable(durable)
                .deliverGroup(durable)
                .ackPolicy(AckPolicy.Explicit)
                .ackWait(ACK_WAIT)
                .maxDeliver(-1)
                .filterSubject(subject(destination))
                .build();
        NatsSubscription subscription = new NatsSubscription(dispatcher, consumers, destination + "::" + group);
        try {
            jetStream.subscribe(subject(destination), durable, dispatcher,
                    delivery -> subscription.dispatch(destination, delivery, handler),
                    false, PushSubscribeOptions.builder().configuration(consumer).build());
            subscriptions.add(subscription);
            return subscription;
        } catch (IOException | JetStreamApiException e) {
            subscription.close();
            throw new IllegalStateException("cannot subscribe " + group + " to " + destination + ": " + e.getMessage(), e);
        }
    }

    private void onDelivery(String destination, io.nats.client.Message delivery, Message message,
                            MessageHandler handler) {
        try {
            handler.handle(message);
            deferrals.remove(message.messageId());
            delivery.ack();
        } catch (Exception e) {
            long failed = delivery.metaData().deliveredCount() - deferrals.getOrDefault(message.messageId(), 0);
            LOG.debug("delivery {} of {} on {} failed", failed, message.messageId(), destination, e);
            DeliveryVerdict verdict = DeliveryVerdict.after(e, DeliveryVerdict.countsAsAttempt(e) ? (int) failed : 0);
            if (verdict instanceof DeliveryVerdict.Defer defer) {
                deferrals.merge(message.messageId(), 1, Integer::sum);
                delivery.nakWithDelay(defer.delay());
            } else if (verdict instanceof DeliveryVerdict.Redeliver redeliver) {
                delivery.nakWithDelay(redeliver.delay());
            } else if (verdict instanceof DeliveryVerdict.DeadLetterIt dead) {
                deferrals.remove(message.messageId());
                deadLetter(destination, delivery.getData(), dead.attempts(), dead.reason(), handler);
                delivery.ack();
            }
        }
    }

    private void deadLetter(String destination, byte[] body, int attempts, String reason, MessageHandler handler) {
        publish(Transport.deadLetterDestination(destination),
                DeadLetter.envelope(destination, body, attempts, reason, codec, clock));
        handler.deadLettered(reason);
    }

    /**
     * One durable consumer's dispatcher and its consumer threads: a delivery runs on the thread its
     * correlation id hashes to, so one order's messages are handled one at a time, in order.
     */
    private final class NatsSubscription implements Subscription {
        private final Dispatcher dispatcher;
        private final ExecutorService[] threads;
        private boolean closed;

        NatsSubscription(Dispatcher dispatcher, int consumers, String name) {
            this.dispatcher = dispatcher;
            this.threads = new ExecutorService[consumers];
            for (int i = 0; i < consumers; i++) {
                String threadName = "txlab-nats-" + name + "-" + i;
                threads[i] = Executors.newSingleThreadExecutor(runnable -> {
                    Thread thread = new Thread(runnable, threadName);
                    thread.setDaemon(true);
                    return thread;
                });
            }
        }

        void dispatch(String destination, io.nats.client.Message delivery, MessageHandler handler) {
            Message message;
            try {
                message = codec.decode(delivery.getData());
            } catch (MalformedMessageException e) {
                deadLetter(destination, delivery.getData(), 1, e.getMessage(), handler);
                delivery.ack();
                return;
            }
            Runnable handling = () -> onDelivery(destination, delivery, message, handler);
            if (threads.length == 1) {
                handling.run();
            } else {
                threads[Math.floorMod(message.correlationId().hashCode(), threads.length)].execute(handling);
            }
        }

        @Override
        public void close() {
            synchronized (NatsTransport.this) {
                if (closed) {
                    return;
                }
                closed = true;
                subscriptions.remove(this);
                connection.closeDispatcher(dispatcher);
            }
            for (ExecutorService thread : threads) {
                thread.shutdown();
            }
            for (ExecutorService thread : threads) {
                awaitQuietly(thread);
            }
        }
    }

    private static void awaitQuietly(ExecutorService executor) {
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        List<NatsSubscription> open;
        synchronized (this) {
            open = new ArrayList<>(subscriptions);
        }
        open.forEach(NatsSubscription::close);
        try {
            connection.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
