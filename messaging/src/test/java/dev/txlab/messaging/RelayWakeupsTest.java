package dev.txlab.messaging;

import dev.txlab.domain.service.ServiceName;
import dev.txlab.harness.fault.CrashPoints;
import dev.txlab.harness.placement.Batching;
import dev.txlab.harness.store.Durability;
import dev.txlab.harness.store.JdbcDecorator;
import dev.txlab.harness.store.StoreConfig;
import dev.txlab.harness.store.StoreKind;
import dev.txlab.harness.store.Stores;
import dev.txlab.harness.store.Topology;
import dev.txlab.messaging.artemis.ArtemisTransport;
import dev.txlab.messaging.outbox.OrderEventOutbox;
import dev.txlab.messaging.spi.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A commit wakes the outbox's relay only when its thread sent something since its last commit (with
 * event-sourced orders most of the orders service's commits send nothing), and another source's relay
 * after every commit. The relays are not started: only their wake-ups are counted.
 */
class RelayWakeupsTest {
    @TempDir
    Path dir;

    @Test
    void theOutboxRelayIsWokenOnlyAfterACommitThatSentSomethingTheOthersAfterEvery() throws Exception {
        StoreConfig config = StoreConfig.builder().allServices(StoreKind.H2_MEM).prefix("relay_wakeups").build();
        Stores.reset(config);
        Clock clock = Clock.systemUTC();
        MessageCounters counters = new MessageCounters();
        try (Stores stores = Stores.open(config, Topology.DATABASE_PER_SERVICE, JdbcDecorator.of());
             ArtemisTransport transport = new ArtemisTransport(dir, Durability.PROCESS, clock);
             ServiceEndpoint orders = new ServiceEndpoint("orders", stores.dataSource(ServiceName.ORDERS), transport,
                     new MessageCodec(), counters, CrashPoints.disarmed(), Batching.DEFAULT, clock)) {
            orders.publishFrom("events", new OrderEventOutbox(event -> new Transport.Outgoing("orders.events",
                    new Message(event.orderId(), "OrderCreated", event.orderId(), null, clock.instant(), "{}")),
                    counters));

            orders.committed();
            assertThat(orders.relaysWoken()).as("a commit that sent nothing").containsExactly(0L, 1L);

            try (Connection c = stores.dataSource(ServiceName.ORDERS).getConnection()) {
                orders.send(c, "orders.events", new Message("m1", "OrderCreated", "o1", null, Instant.EPOCH, "{}"));
                c.commit();
            }
            orders.committed();
            assertThat(orders.relaysWoken()).as("a commit that sent a message").containsExactly(1L, 2L);

            orders.committed();
            assertThat(orders.relaysWoken()).as("the next commit, which sent nothing").containsExactly(1L, 3L);

            try (Connection c = stores.dataSource(ServiceName.ORDERS).getConnection()) {
                orders.send(c, "orders.events", new Message("m2", "OrderCreated", "o2", null, Instant.EPOCH, "{}"));
                c.commit();
            }
            Thread other = new Thread(orders::committed);
            other.start();
            other.join();
            assertThat(orders.relaysWoken()).as("another thread's commit, which sent nothing").containsExactly(1L, 4L);
            orders.committed();
            assertThat(orders.relaysWoken()).as("this thread's commit, which sent").containsExactly(2L, 5L);
        }
    }
}
