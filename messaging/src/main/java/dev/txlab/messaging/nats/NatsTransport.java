package dev.txlab.messaging.nats;

import dev.txlab.domain.store.Durability;
import dev.txlab.messaging.DeadLetter;
import dev.txlab.messaging.MalformedMessageException;
import dev.txlab.messaging.Message;
import dev.txlab.messaging.MessageCodec;
import dev.txlab.messaging.spi.MessageHandler;
import dev.txlab.messaging.spi.Subscription;
import dev.txlab.messaging.spi.Transport;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.PushSubscribeOptions;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * JetStream at a URL. Destination {@code d} is subject {@code <prefix>.d} of the stream
 * {@code <prefix>-messages}; a consumer group is a durable consumer with explicit acks. A failing
 * handler's message is nak'ed with a back-off and comes again; on its last attempt (JetStream's
 * delivery count) or at once when its body is not an envelope, the adapter publishes it to the
 * destination's dead-letter subject with the reason, then acks it.
 */
public final class NatsTransport implements Transport {
    public static final String DEFAULT_URL = "nats://127.0.0.1:4222";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    /** How long an unacknowledged delivery waits before JetStream sends it again (e.g. after a crash). */
    private static final Duration ACK_WAIT = Duration.ofSeconds(15);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(20);

    private final MessageCodec codec = new MessageCodec();
    private final String prefix;
    private final Clock clock;
    private final Connection connection;
    private final JetStream jetStream;
    private final List<Dispatcher> dispatchers = new ArrayList<>();

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
                    .maxReconnects(10).build());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot reach NATS at " + url + ": " + e.getMessage()
                    + " (start the server with JetStream enabled, or point --transport-url at one)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while connecting to NATS at " + url, e);
        }
        try {
            JetStreamManagement management = connection.jetStreamManagement();
            String stream = prefix + "-messages";
            if (fresh && management.getStreamNames().contains(stream)) {
                management.deleteStream(stream);
            }
            if (!management.getStreamNames().contains(stream)) {
                management.addStream(StreamConfiguration.builder().name(stream).subjects(prefix + ".>")
                        .storageType(durability == Durability.NONE ? StorageType.Memory : StorageType.File).build());
            }
            jetStream = connection.jetStream();
        } catch (IOException | JetStreamApiException e) {
            close();
            throw new IllegalArgumentException("NATS at " + url + " has no usable JetStream: " + e.getMessage(), e);
        }
    }

    private String subject(String destination) {
        return prefix + "." + destination;
    }

    @Override
    public void publish(String destination, Message message) {
        publishBytes(destination, codec.encode(message));
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
    public synchronized Subscription subscribe(String destination, String group, MessageHandler handler) {
        Dispatcher dispatcher = connection.createDispatcher();
        ConsumerConfiguration consumer = ConsumerConfiguration.builder()
                .durable((group + "_" + destination).replaceAll("[^A-Za-z0-9_-]", "_"))
                .ackPolicy(AckPolicy.Explicit)
                .ackWait(ACK_WAIT)
                .maxDeliver(-1)
                .filterSubject(subject(destination))
                .build();
        try {
            jetStream.subscribe(subject(destination), dispatcher,
                    delivery -> onDelivery(destination, delivery, handler), false,
                    PushSubscribeOptions.builder().configuration(consumer).build());
            dispatchers.add(dispatcher);
            return () -> closeDispatcher(dispatcher);
        } catch (IOException | JetStreamApiException e) {
            connection.closeDispatcher(dispatcher);
            throw new IllegalStateException("cannot subscribe " + group + " to " + destination + ": " + e.getMessage(), e);
        }
    }

    private void onDelivery(String destination, io.nats.client.Message delivery, MessageHandler handler) {
        byte[] body = delivery.getData();
        Message message;
        try {
            message = codec.decode(body);
        } catch (MalformedMessageException e) {
            deadLetter(destination, body, 1, e.getMessage());
            delivery.ack();
            return;
        }
        try {
            handler.handle(message);
            delivery.ack();
        } catch (Exception e) {
            long attempt = delivery.metaData().deliveredCount();
            if (attempt >= MAX_ATTEMPTS) {
                deadLetter(destination, body, (int) attempt, String.valueOf(e));
                delivery.ack();
            } else {
                delivery.nakWithDelay(FIRST_BACKOFF.multipliedBy(1L << (attempt - 1)));
            }
        }
    }

    private void deadLetter(String destination, byte[] body, int attempts, String reason) {
        DeadLetter letter = new DeadLetter(destination, reason, attempts, new String(body, StandardCharsets.UTF_8));
        publish(Transport.deadLetterDestination(destination),
                Message.create(DeadLetter.TYPE, "dead-letter", null, clock.instant(), codec.toJson(letter)));
    }

    private synchronized void closeDispatcher(Dispatcher dispatcher) {
        if (dispatchers.remove(dispatcher)) {
            connection.closeDispatcher(dispatcher);
        }
    }

    @Override
    public synchronized void close() {
        new ArrayList<>(dispatchers).forEach(this::closeDispatcher);
        try {
            connection.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
