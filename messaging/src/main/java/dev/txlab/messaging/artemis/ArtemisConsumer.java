package dev.txlab.messaging.artemis;

import dev.txlab.harness.placement.Batching;
import dev.txlab.messaging.DeliveryBatches;
import dev.txlab.messaging.DeliveryVerdict;
import dev.txlab.harness.loop.LoopThread;
import dev.txlab.messaging.MalformedMessageException;
import dev.txlab.messaging.Message;
import dev.txlab.messaging.spi.BatchHandler;
import dev.txlab.messaging.spi.DeliveryResults;
import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.client.ClientConsumer;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One consumer thread of a group's queue, on a transacted session of its own: it takes a batch of
 * deliveries, hands the decodable ones to the handler together, then in one broker transaction
 * acknowledges every delivery of the batch, sending with it the scheduled copy of each one to come
 * again (a redelivery or a hold-back) and the dead letter of each one given up. A halt before that
 * commit leaves the whole batch on the broker, delivered again.
 */
final class ArtemisConsumer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ArtemisConsumer.class);
    /** How long a pass waits for a first delivery before it looks whether it should stop. */
    private static final Duration FIRST_WAIT = Duration.ofMillis(100);

    private final ArtemisTransport broker;
    private final ClientSession session;
    private final ClientConsumer consumer;
    private final String destination;
    private final SimpleString queue;
    private final Batching batching;
    private final BatchHandler handler;
    private final LoopThread loop;

    private record Delivery(ClientMessage delivery, byte[] body) {
    }

    ArtemisConsumer(ArtemisTransport broker, ClientSession session, String destination, SimpleString queue,
                    Batching batching, BatchHandler handler, String name) throws ActiveMQException {
        this.broker = broker;
        this.session = session;
        this.consumer = session.createConsumer(queue);
        this.destination = destination;
        this.queue = queue;
        this.batching = batching;
        this.handler = handler;
        this.loop = new LoopThread(name, this::pass);
    }

    ArtemisConsumer start() throws ActiveMQException {
        session.start();
        loop.start();
        return this;
    }

    private void pass() {
        try {
            List<ClientMessage> batch = DeliveryBatches.take(this::receive, batching, FIRST_WAIT);
            if (!batch.isEmpty()) {
                handle(batch);
            }
        } catch (Exception e) {
            if (loop.running()) {
                LOG.error("subscription to {} stopped: the broker session failed ({}); its unacknowledged messages"
                        + " stay on the broker", destination, e.getMessage());
                loop.finish();
            }
            ArtemisTransport.closeQuietly(session);
        }
    }

    private ClientMessage receive(Duration wait) throws ActiveMQException {
        return wait.isZero() ? consumer.receiveImmediate() : consumer.receive(Math.max(1, wait.toMillis()));
    }

    private void handle(List<ClientMessage> batch) throws ActiveMQException {
        List<Message> messages = new ArrayList<>();
        List<Delivery> decoded = new ArrayList<>();
        for (ClientMessage delivery : batch) {
            byte[] body = new byte[delivery.getBodyBuffer().readableBytes()];
            delivery.getBodyBuffer().readBytes(body);
            try {
                messages.add(broker.codec().decode(body));
                decoded.add(new Delivery(delivery, body));
            } catch (MalformedMessageException e) {
                broker.deadLetter(session, destination, body, 1, e.getMessage(), handler);
            }
        }
        if (!messages.isEmpty()) {
            DeliveryResults results = handler.handleAll(messages);
            for (int i = 0; i < messages.size(); i++) {
                Message message = messages.get(i);
                String attemptKey = destination + "|" + message.messageId();
                if (results.failure(i).isEmpty()) {
                    broker.attempts().remove(attemptKey);
                    continue;
                }
                Exception failure = results.failure(i).get();
                int failed = DeliveryVerdict.countsAsAttempt(failure)
                        ? broker.attempts().merge(attemptKey, 1, Integer::sum) : 0;
                LOG.debug("delivery {} of {} on {} failed", failed, message.messageId(), destination, failure);
                act(DeliveryVerdict.after(failure, failed), message, decoded.get(i).body());
            }
        }
        for (ClientMessage delivery : batch) {
            delivery.acknowledge();
        }
        session.commit();
    }

    /**
     * Carries out the verdict on a failed delivery, in the batch's broker transaction: a copy
     * scheduled for later (a redelivery after the {@link dev.txlab.messaging.spi.Transport#REDELIVERY}
     * pause, or a hold-back), or the dead letter.
     */
    private void act(DeliveryVerdict verdict, Message message, byte[] body) throws ActiveMQException {
        if (verdict instanceof DeliveryVerdict.Defer defer) {
            broker.comeAgain(session, destination, queue, message, defer.delay());
        } else if (verdict instanceof DeliveryVerdict.Redeliver redeliver) {
            broker.comeAgain(session, destination, queue, message, redeliver.delay());
        } else if (verdict instanceof DeliveryVerdict.DeadLetterIt dead) {
            broker.attempts().remove(destination + "|" + message.messageId());
            broker.deadLetter(session, destination, body, dead.attempts(), dead.reason(), handler);
        }
    }

    /** Stops taking deliveries once the current batch is done, then closes the session. */
    @Override
    public void close() {
        loop.close();
        ArtemisTransport.closeQuietly(session);
    }
}
