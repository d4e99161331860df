package dev.txlab.messaging;

import dev.txlab.harness.placement.Batching;
import dev.txlab.messaging.spi.BatchHandler;
import dev.txlab.messaging.spi.DeliveryResults;
import dev.txlab.messaging.spi.Subscription;
import dev.txlab.messaging.spi.Transport;
import dev.txlab.messaging.spi.TransportInterceptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The transport contract: every adapter's test class runs it. */
public abstract class TransportContract {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private Transport transport;

    /** A started transport with nothing in it. */
    protected abstract Transport freshTransport();

    /** The same broker started again over what it kept (its journal or stream). */
    protected abstract Transport restarted();

    /** Publishes a body as it is, envelope or not. */
    protected abstract void publishRaw(Transport transport, String destination, byte[] body);

    /** What the broker holds of the run once the transport is closed ({@code txlab audit --transport}). */
    protected abstract Backlog backlog();

    @BeforeEach
    void startBroker() {
        transport = freshTransport();
    }

    @AfterEach
    void stopBroker() {
        transport.close();
    }

    @Test
    void deliversEveryMessageToEachGroupOnceWhenHandlersSucceed() {
        List<String> customers = new CopyOnWriteArrayList<>();
        List<String> depot = new CopyOnWriteArrayList<>();
        transport.subscribe("orders.events", "customers", m -> customers.add(m.messageId()));
        transport.subscribe("orders.events", "depot", m -> depot.add(m.messageId()));

        Message message = message("o1", "OrderCreated");
        transport.publish("orders.events", message);

        await().atMost(WAIT).until(() -> customers.size() == 1 && depot.size() == 1);
        assertThat(customers).containsExactly(message.messageId());
        assertThat(depot).containsExactly(message.messageId());
    }

    @Test
    void handsQueuedMessagesOverInBatchesAndRedeliversOnlyTheFailedOne() {
        transport.subscribe("orders.events", "customers", message -> { }).close();
        for (int i = 0; i < 40; i++) {
            transport.publish("orders.events", message("o" + i, "OrderCreated"));
        }
        List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        Map<String, Integer> handled = new ConcurrentHashMap<>();
        AtomicInteger failures = new AtomicInteger();
        transport.subscribe("orders.events", "customers", 1, new Batching(16, Duration.ZERO), messages -> {
            batchSizes.add(messages.size());
            DeliveryResults results = new DeliveryResults(messages);
            for (int i = 0; i < messages.size(); i++) {
                Message message = messages.get(i);
                if (message.correlationId().equals("o7") && failures.getAndIncrement() == 0) {
                    results.failed(i, new IllegalStateException("the first attempt at o7 fails"));
                } else {
                    handled.merge(message.correlationId(), 1, Integer::sum);
                }
            }
            return results;
        });

        await().atMost(WAIT).until(() -> handled.size() == 40);
        assertThat(batchSizes).as("what had queued came in batches of up to 16").allMatch(size -> size <= 16)
                .anyMatch(size -> size > 1);
        assertThat(handled.values()).as("each handled once: the failed one came again, the others did not")
                .containsOnly(1);
        assertThat(failures.get()).isEqualTo(2);
    }

    @Test
    void holdsBackALaterMessageOfAnOrderWhoseEarlierOneFailedInTheSameBatch() {
        transport.subscribe("orders.events", "customers", message -> { }).close();
        transport.publish("orders.events", message("o1", "First"));
        transport.publish("orders.events", message("o1", "Second"));
        List<String> handledInOrder = new CopyOnWriteArrayList<>();
        AtomicInteger attempts = new AtomicInteger();
        transport.subscribe("orders.events", "customers", 1, new Batching(16, Duration.ofMillis(200)),
                BatchHandler.oneByOne(message -> {
                    if (message.type().equals("First") && attempts.getAndIncrement() == 0) {
                        throw new IllegalStateException("the first attempt fails");
                    }
                    handledInOrder.add(message.type());
                }));

        await().atMost(WAIT).until(() -> handledInOrder.size() == 2);
        assertThat(handledInOrder).containsExactly("First", "Second");
    }

    @Test
    void redeliversAfterAFailingHandlerUntilItSucceeds() {
        AtomicInteger attempts = new AtomicInteger();
        List<String> handled = new CopyOnWriteArrayList<>();
        transport.subscribe("depot.commands", "depot", m -> {
            if (attempts.incrementAndGet() < 3) {
                throw new IllegalStateException("not yet");
            }
            handled.add(m.messageId());
        });

        transport.publish("depot.commands", message("o2", "ReserveStock"));

        await().atMost(WAIT).until(() -> handled.size() == 1);
        assertThat(attempts).hasValue(3);
    }

    @Test
    void deadLettersAMessageItsHandlerKeepsRefusingWithTheReason() {
        List<Message> deadLetters = new CopyOnWriteArrayList<>();
        transport.subscribe(Transport.deadLetterDestination("payments.commands"), Transport.DEAD_LETTER_GROUP, deadLetters::add);
        AtomicInteger attempts = new AtomicInteger();
        transport.subscribe("payments.commands", "payments", m -> {
            attempts.incrementAndGet();
            throw new IllegalArgumentException("account locked");
        });

        Message poison = message("o3", "ConfirmPayment");
        transport.publish("payments.commands", poison);

        await().atMost(WAIT).until(() -> deadLetters.size() == 1);
        assertThat(attempts).hasValue(Transport.REDELIVERY.maxAttempts());
        Message letter = deadLetters.get(0);
        assertThat(letter.type()).isEqualTo(DeadLetter.TYPE);
        assertThat(letter.payload()).contains("account locked").contains("payments.commands")
                .contains(poison.messageId());
    }

    @Test
    void aStoppedBrokerShowsWhatAGroupDidNotAcknowledgeAndItsDeadLettersApart() {
        transport.subscribe("payments.commands", "payments", m -> { });
        List<String> handled = new CopyOnWriteArrayList<>();
        Subscription customers = transport.subscribe("orders.events", "customers", m -> handled.add(m.messageId()));
        transport.publish("orders.events", message("o20", "OrderCreated"));
        await().atMost(WAIT).until(() -> handled.size() == 1);
        customers.close();
        for (int i = 1; i <= 3; i++) {
            transport.publish("orders.events", message("o2" + i, "OrderApproved"));
        }
        transport.publish(Transport.deadLetterDestination("payments.commands"), message("o30", DeadLetter.TYPE));
        transport.close();

        Backlog backlog = backlog();

        assertThat(backlog.notInspected()).isEmpty();
        assertThat(backlog.unacknowledged()).hasSize(1);
        assertThat(backlog.unacknowledged().values()).containsExactly(3L);
        assertThat(backlog.deadLetters()).isEqualTo(1);
        assertThat(backlog.leftovers()).singleElement().satisfies(leftover ->
                assertThat(leftover.found()).startsWith("3 messages on ").endsWith("not acknowledged by the consumer group"));
    }

    @Test
    void deadLettersAnUndecodableBodyAtOnceKeepingTheBody() {
        List<Message> deadLetters = new CopyOnWriteArrayList<>();
        transport.subscribe(Transport.deadLetterDestination("orders.events"), Transport.DEAD_LETTER_GROUP, deadLetters::add);
        AtomicInteger handled = new AtomicInteger();
        transport.subscribe("orders.events", "customers", m -> handled.incrementAndGet());

        publishRaw(transport, "orders.events", "not an envelope".getBytes(StandardCharsets.UTF_8));

        await().atMost(WAIT).until(() -> deadLetters.size() == 1);
        assertThat(deadLetters.get(0).payload()).contains("undecodable message body").contains("not an envelope");
        assertThat(handled).hasValue(0);
    }

    @Test
    void keepsTheOrderOfOneOrdersMessages() {
        List<String> seen = new CopyOnWriteArrayList<>();
        transport.subscribe("orders.events", "orders", m -> seen.add(m.type()));

        for (int i = 0; i < 50; i++) {
            transport.publish("orders.events", message("o4", "Step" + i));
        }

        await().atMost(WAIT).until(() -> seen.size() == 50);
        assertThat(seen).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 50).mapToObj(i -> "Step" + i)
                .toList());
    }

    @Test
    void aHeldBackDeliveryComesLaterWithoutBlockingTheOthers() {
        AtomicInteger heldBack = new AtomicInteger();
        TransportInterceptor holdFirst = new TransportInterceptor() {
            @Override
            public Delivery delivering(String destination, String group, Message message) {
                if (message.type().equals("First") && heldBack.getAndIncrement() == 0) {
                    throw new DeferredDeliveryException(message, Duration.ofMillis(700));
                }
                return Delivery.HANDLE;
            }
        };
        Transport decorated = new DecoratedTransport(transport, List.of(holdFirst));
        List<String> seen = new CopyOnWriteArrayList<>();
        decorated.subscribe("orders.events", "customers", m -> seen.add(m.type()));

        decorated.publish("orders.events", message("o10", "First"));
        decorated.publish("orders.events", message("o10", "Second"));

        await().atMost(WAIT).until(() -> seen.size() == 2);
        assertThat(seen).containsExactly("Second", "First");
        assertThat(heldBack).hasValue(2);
    }

    @Test
    void publishesABatchInOrder() {
        List<String> seen = new CopyOnWriteArrayList<>();
        transport.subscribe("orders.events", "customers", m -> seen.add(m.type()));
        transport.subscribe("depot.events", "customers", m -> seen.add(m.type()));

        List<Transport.Outgoing> batch = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            batch.add(new Transport.Outgoing("orders.events", message("o9", "Step" + i)));
        }
        batch.add(new Transport.Outgoing("depot.events", message("o9", "Other")));
        transport.publishAll(batch);

        await().atMost(WAIT).until(() -> seen.size() == 31);
        assertThat(seen.stream().filter(type -> type.startsWith("Step")).toList())
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 30).mapToObj(i -> "Step" + i).toList());
        assertThat(seen).contains("Other");
    }

    @Test
    void keepsOneGroupsSubscriptionsToTwoDestinationsApart() {
        List<String> seen = new CopyOnWriteArrayList<>();
        transport.subscribe("customers.events", "orders", m -> seen.add("customers:" + m.type()));
        transport.subscribe("payments.events", "orders", m -> seen.add("payments:" + m.type()));

        transport.publish("customers.events", message("o7", "CustomerRejected"));
        transport.publish("payments.events", message("o8", "PaymentConfirmed"));

        await().atMost(WAIT).until(() -> seen.size() == 2);
        assertThat(seen).containsExactlyInAnyOrder("customers:CustomerRejected", "payments:PaymentConfirmed");
    }

    @Test
    void deadLettersAtOnceAMessageNoAttemptCanHandleAndKeepsIt() {
        AtomicInteger attempts = new AtomicInteger();
        transport.subscribe("orders.events", "customers", m -> {
            attempts.incrementAndGet();
            throw new MalformedMessageException("unknown message type " + m.type(), null);
        });

        transport.publish("orders.events", message("o6", "Nonsense"));
        await().atMost(WAIT).until(() -> attempts.get() == 1);

        List<Message> deadLetters = new CopyOnWriteArrayList<>();
        transport.subscribe(Transport.deadLetterDestination("orders.events"), Transport.DEAD_LETTER_GROUP,
                deadLetters::add);
        await().atMost(WAIT).until(() -> deadLetters.size() == 1);
        assertThat(deadLetters.get(0).payload()).contains("unknown message type Nonsense");
        assertThat(attempts).hasValue(1);
    }

    @Test
    void keepsTheOrderOfEachOrdersMessagesAcrossSeveralConsumers() {
        Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
        transport.subscribe("orders.events", "orders", 4, m -> {
            seen.computeIfAbsent(m.correlationId(), id -> new CopyOnWriteArrayList<>())
                    .add(Integer.parseInt(m.type().substring("Step".length())));
        });

        for (int i = 0; i < 40; i++) {
            for (int order = 0; order < 6; order++) {
                transport.publish("orders.events", message("p" + order, "Step" + i));
            }
        }

        await().atMost(WAIT).until(() -> seen.values().stream().mapToInt(List::size).sum() == 240);
        List<Integer> inOrder = java.util.stream.IntStream.range(0, 40).boxed().toList();
        assertThat(seen).hasSize(6).allSatisfy((order, steps) -> assertThat(steps).isEqualTo(inOrder));
    }

    @Test
    void keepsUnconsumedMessagesAcrossABrokerRestart() {
        transport.subscribe("orders.events", "customers", m -> {
            throw new IllegalStateException("consumer down");
        }).close();
        Message message = message("o5", "OrderCreated");
        transport.publish("orders.events", message);
        transport.close();

        transport = restarted();
        List<String> seen = new CopyOnWriteArrayList<>();
        transport.subscribe("orders.events", "customers", m -> seen.add(m.messageId()));

        await().atMost(WAIT).until(() -> seen.size() == 1);
        assertThat(seen).containsExactly(message.messageId());
    }

    private static Message message(String orderId, String type) {
        return Message.create(type, orderId, null, java.time.Instant.now(), "{\"orderId\":\"" + orderId + "\"}");
    }
}
