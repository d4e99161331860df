package dev.txlab.messaging;

import dev.txlab.harness.cost.MessageCounts;
import dev.txlab.harness.store.Durability;
import dev.txlab.messaging.artemis.ArtemisTransport;
import dev.txlab.messaging.spi.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The counters see every publish and delivery through the decorator point, redeliveries included. */
class MessageCountersTest {
    @TempDir
    Path dir;

    @Test
    void countsPublishesDeliveriesRedeliveriesAndFailures() {
        MessageCounters counters = new MessageCounters();
        try (Transport transport = new DecoratedTransport(
                new ArtemisTransport(dir, Durability.PROCESS, Clock.systemUTC()), List.of(counters))) {
            AtomicInteger attempts = new AtomicInteger();
            transport.subscribe("orders.events", "depot", m -> {
                if (attempts.incrementAndGet() == 1) {
                    throw new IllegalStateException("first attempt fails");
                }
            });
            transport.publish("orders.events", Message.create("OrderCreated", "o1", null, Instant.now(), "{}"));

            await().atMost(Duration.ofSeconds(20)).until(() -> attempts.get() == 2);
            await().atMost(Duration.ofSeconds(20)).until(() -> counters.counts().delivered() == 2);
        }
        assertThat(counters.counts()).isEqualTo(new MessageCounts(1, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0));
        assertThat(counters.remembered()).as("the failed delivery came again: nothing left to remember").isZero();
    }

    @Test
    void remembersOnlyTheFailedDeliveriesThatHaveNotComeAgain() {
        MessageCounters counters = new MessageCounters();
        for (int i = 0; i < 10_000; i++) {
            counters.delivering("orders.events", "depot",
                    Message.create("OrderCreated", "o" + i, null, Instant.now(), "{}"));
        }
        Message failing = Message.create("OrderCreated", "f", null, Instant.now(), "{}");
        counters.failed("orders.events", "depot", failing, new IllegalStateException("busy"));

        assertThat(counters.remembered()).as("a long run's handled deliveries take no memory").isEqualTo(1);
        counters.delivering("orders.events", "customers", failing);
        assertThat(counters.counts().redelivered()).as("another group's first delivery").isZero();
        counters.delivering("orders.events", "depot", failing);
        assertThat(counters.counts().redelivered()).isEqualTo(1);
        assertThat(counters.remembered()).isZero();
    }

    @Test
    void countsADeadLetteredDelivery() {
        MessageCounters counters = new MessageCounters();
        try (Transport transport = new DecoratedTransport(
                new ArtemisTransport(dir, Durability.PROCESS, Clock.systemUTC()), List.of(counters))) {
            transport.subscribe("orders.events", "depot", m -> {
                throw new MalformedMessageException("unknown message type " + m.type(), null);
            });
            transport.publish("orders.events", Message.create("Nonsense", "o1", null, Instant.now(), "{}"));

            await().atMost(Duration.ofSeconds(20)).until(() -> counters.counts().deadLettered() == 1);
        }
        assertThat(counters.counts().failedDeliveries()).isEqualTo(1);
    }
}
