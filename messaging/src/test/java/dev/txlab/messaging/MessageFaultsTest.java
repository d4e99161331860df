package dev.txlab.messaging;

import dev.txlab.domain.service.ServiceName;
import dev.txlab.harness.cost.MessageCounts;
import dev.txlab.harness.fault.FaultPlan;
import dev.txlab.harness.store.Durability;
import dev.txlab.harness.store.JdbcDecorator;
import dev.txlab.harness.store.StoreConfig;
import dev.txlab.harness.store.StoreKind;
import dev.txlab.harness.store.Stores;
import dev.txlab.harness.store.Topology;
import dev.txlab.messaging.artemis.ArtemisTransport;
import dev.txlab.messaging.inbox.Inbox;
import dev.txlab.messaging.spi.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Duplicated and dropped deliveries reach the inbox as extra deliveries with no extra effect; an outage fails publishes. */
class MessageFaultsTest {
    @TempDir
    Path dir;

    @Test
    void duplicatesAndDropsChangeDeliveriesButNotEffects() throws Exception {
        StoreConfig config = StoreConfig.builder().allServices(StoreKind.H2_MEM).prefix("message_faults").build();
        Stores.reset(config);
        MessageCounters counters = new MessageCounters();
        MessageFaults faults = MessageFaults.deliveries(FaultPlan.MessageFaultRates.of(0.3, 0.2), Clock.systemUTC(), 7);
        try (Stores stores = Stores.open(config, Topology.DATABASE_PER_SERVICE, JdbcDecorator.of());
             Transport transport = new DecoratedTransport(new ArtemisTransport(dir, Durability.PROCESS,
                     Clock.systemUTC()), List.of(faults, counters))) {
            try (Connection c = stores.dataSource(ServiceName.DEPOT).getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE effects (message_id VARCHAR(40))");
                c.commit();
            }
            Inbox inbox = new Inbox(stores.dataSource(ServiceName.DEPOT), "depot", Clock.systemUTC());
            AtomicInteger handled = new AtomicInteger();
            transport.subscribe("orders.events", "depot", m -> {
                if (inbox.process(m, c -> {
                    try (PreparedStatement insert = c.prepareStatement("INSERT INTO effects VALUES (?)")) {
                        insert.setString(1, m.messageId());
                        insert.executeUpdate();
                    }
                })) {
                    handled.incrementAndGet();
                } else {
                    counters.duplicateSkipped();
                }
            });
            for (int i = 0; i < 40; i++) {
                transport.publish("orders.events", Message.create("OrderCreated", "o" + i, null, Instant.now(), "{}"));
            }

            await().atMost(Duration.ofSeconds(30)).until(() -> handled.get() == 40);
            try (Connection c = stores.dataSource(ServiceName.DEPOT).getConnection(); Statement s = c.createStatement();
                 ResultSet rows = s.executeQuery("SELECT COUNT(*), COUNT(DISTINCT message_id) FROM effects")) {
                rows.next();
                assertThat(rows.getLong(1)).isEqualTo(40);
                assertThat(rows.getLong(2)).isEqualTo(40);
            }
        }
        MessageCounts counts = counters.counts();
        assertThat(counts.duplicatesSkipped()).as("duplicated deliveries absorbed").isPositive();
        assertThat(counts.failedDeliveries()).as("dropped deliveries").isPositive();
        assertThat(counts.redelivered()).as("dropped deliveries came again").isPositive();
    }

    @Test
    void anOutageFailsPublishesUntilItEnds() {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        MessageFaults faults = new MessageFaults(FaultPlan.MessageFaultRates.NONE, start, Duration.ofSeconds(5),
                Clock.fixed(start.plusSeconds(2), ZoneOffset.UTC), 1);
        Message message = Message.create("OrderCreated", "o1", null, start, "{}");

        assertThatThrownBy(() -> faults.publishing("orders.events", message)).hasMessageContaining("broker unavailable");
        MessageFaults afterwards = new MessageFaults(FaultPlan.MessageFaultRates.NONE, start, Duration.ofSeconds(5),
                Clock.fixed(start.plusSeconds(6), ZoneOffset.UTC), 1);
        assertThatCode(() -> afterwards.publishing("orders.events", message)).doesNotThrowAnyException();
    }
}
