package dev.txlab.messaging.nats;

import dev.txlab.messaging.Backlog;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.api.ConsumerInfo;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads what JetStream holds of a run: each durable consumer's messages not yet delivered or not yet
 * acknowledged on the prefix's stream, and the messages of its dead-letter stream.
 */
public final class NatsBacklog {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);

    private NatsBacklog() {
    }

    public static Backlog inspect(String url, String prefix) {
        String broker = "NATS JetStream at " + url;
        try (Connection connection = Nats.connect(new Options.Builder().server(url).connectionTimeout(CONNECT_TIMEOUT)
                .maxReconnects(0).build())) {
            JetStreamManagement management = connection.jetStreamManagement();
            String messages = NatsTransport.messagesStream(prefix);
            if (!management.getStreamNames().contains(messages)) {
                return Backlog.notInspected(broker, "it has no stream " + messages + " (was the run given --transport "
                        + "artemis, or another --db-prefix?)");
            }
            Map<String, Long> unacknowledged = new HashMap<>();
            for (ConsumerInfo consumer : management.getConsumers(messages)) {
                unacknowledged.put(consumer.getName(), consumer.getNumPending() + consumer.getNumAckPending());
            }
            String deadLetters = NatsTransport.deadLettersStream(prefix);
            long dead = management.getStreamNames().contains(deadLetters)
                    ? management.getStreamInfo(deadLetters).getStreamState().getMsgCount() : 0;
            return Backlog.of(broker, unacknowledged, dead);
        } catch (IOException | JetStreamApiException e) {
            return Backlog.notInspected(broker, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Backlog.notInspected(broker, "interrupted");
        }
    }
}
