package dev.txlab.messaging.nats;

import dev.txlab.harness.placement.Batching;
import dev.txlab.harness.store.Durability;
import dev.txlab.messaging.DeadLetter;
import dev.txlab.messaging.DeliveryBatches;
import dev.txlab.messaging.DeliveryVerdict;
import dev.txlab.harness.loop.LoopThread;
import dev.txlab.messaging.MalformedMessageException;
import dev.txlab.messaging.Message;
import dev.txlab.messaging.MessageCodec;
import dev.txlab.messaging.spi.BatchHandler;
import dev.txlab.messaging.spi.DeliveryResults;
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
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
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
    /**
     * How long an unacknowledged delivery waits before JetStream sends it again: after a crash, how long
     * the deliveries the halted process held stay away. 5 s made recovery faster but an overloaded run
     * worse: deliveries waiting in the consumers' queues past it came again (orch-two-coordinators at
     * 1,000 orders/s handled 16,881 deliveries instead of 12,887), so it stays 15 s until the consumers
     * bound what they hold (JetStream's max ack pending) or report work in progress.
     */
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
    public synchronized Subscription subscribe(String destination, String group, int consumers, Batching batching,
                                               BatchHandler handler) {
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
        NatsSubscription subscription = new NatsSubscription(dispatcher, destination, consumers, batching, handler,
                destination + "::" + group);
        try {
            jetStream.subscribe(subject(destination), durable, dispatcher, subscription::dispatch,
                    false, PushSubscribeOptions.builder().configuration(consumer).build());
            subscriptions.add(subscription);
            return subscription;
        } catch (IOException | JetStreamApiException e) {
            subscription.close();
            throw new IllegalStateException("cannot subscribe " + group + " to " + destination + ": " + e.getMessage(), e);
        }
    }

    private void deadLetter(String destination, byte[] body, int attempts, String reason, BatchHandler handler) {
        publish(Transport.deadLetterDestination(destination),
                DeadLetter.envelope(destination, body, attempts, reason, codec, clock));
        handler.deadLettered(reason);
    }

    /** A delivery waiting for its consumer thread, decoded. */
    private record Delivery(io.nats.client.Message delivery, Message message) {
    }

    /**
     * One durable consumer's dispatcher and its consumer threads: a delivery goes to the thread its
     * correlation id hashes to, so one order's messages are handled one batch after another, in
     * order; each thread takes what has queued for it as a batch and acknowledges each delivery as
     * its result says.
     */
    private final class NatsSubscription implements Subscription {
        /** How long a consumer thread waits for a first delivery before it looks whether it should stop. */
        private static final Duration FIRST_WAIT = Duration.ofMillis(100);

        private final Dispatcher dispatcher;
        private final String destination;
        private final Batching batching;
        private final BatchHandler handler;
        private final List<BlockingQueue<Delivery>> queues = new ArrayList<>();
        private final List<LoopThread> threads = new ArrayList<>();
        private boolean closed;

        NatsSubscription(Dispatcher dispatcher, String destination, int consumers, Batching batching,
                         BatchHandler handler, String name) {
            this.dispatcher = dispatcher;
            this.destination = destination;
            this.batching = batching;
            this.handler = handler;
            for (int i = 0; i < consumers; i++) {
                BlockingQueue<Delivery> queue = new LinkedBlockingQueue<>();
                queues.add(queue);
                threads.add(new LoopThread("txlab-nats-" + name + "-" + i, () -> pass(queue)).start());
            }
        }

        void dispatch(io.nats.client.Message delivery) {
            Message message;
            try {
                message = codec.decode(delivery.getData());
            } catch (MalformedMessageException e) {
                deadLetter(destination, delivery.getData(), 1, e.getMessage(), handler);
                delivery.ack();
                return;
            }
            queues.get(Math.floorMod(message.correlationId().hashCode(), queues.size()))
                    .add(new Delivery(delivery, message));
        }

        private void pass(BlockingQueue<Delivery> queue) throws InterruptedException {
            List<Delivery> batch;
            try {
                batch = DeliveryBatches.take(wait -> queue.poll(wait.toNanos(), TimeUnit.NANOSECONDS), batching,
                        FIRST_WAIT);
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("a queue in memory failed to give a delivery", e);
            }
            if (batch.isEmpty()) {
                return;
            }
            DeliveryResults results = handler.handleAll(batch.stream().map(Delivery::message).toList());
            for (int i = 0; i < batch.size(); i++) {
                Optional<Exception> failure = results.failure(i);
                if (failure.isEmpty()) {
                    deferrals.remove(batch.get(i).message().messageId());
                    batch.get(i).delivery().ack();
                } else {
                    act(batch.get(i), failure.get());
                }
            }
        }

        private void act(Delivery failed, Exception failure) {
            io.nats.client.Message delivery = failed.delivery();
            String messageId = failed.message().messageId();
            long attempts = delivery.metaData().deliveredCount() - deferrals.getOrDefault(messageId, 0);
            LOG.debug("delivery {} of {} on {} failed", attempts, messageId, destination, failure);
            DeliveryVerdict verdict = DeliveryVerdict.after(failure,
                    DeliveryVerdict.countsAsAttempt(failure) ? (int) attempts : 0);
            if (verdict instanceof DeliveryVerdict.Defer defer) {
                deferrals.merge(messageId, 1, Integer::sum);
                delivery.nakWithDelay(defer.delay());
            } else if (verdict instanceof DeliveryVerdict.Redeliver redeliver) {
                delivery.nakWithDelay(redeliver.delay());
            } else if (verdict instanceof DeliveryVerdict.DeadLetterIt dead) {
                deferrals.remove(messageId);
                deadLetter(destination, delivery.getData(), dead.attempts(), dead.reason(), handler);
                delivery.ack();
            }
        }

        /**
         * Stops the deliveries, then the consumer threads once their current batch is done (what was
         * queued for them and not handled stays unacknowledged, so JetStream delivers it again).
         */
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
            threads.forEach(LoopThread::close);
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
