package dev.txlab.messaging.outbox;

import dev.txlab.domain.service.ServiceName;
import dev.txlab.harness.fault.CrashPoints;
import dev.txlab.harness.store.Durability;
import dev.txlab.harness.store.JdbcDecorator;
import dev.txlab.harness.store.StoreConfig;
import dev.txlab.harness.store.StoreKind;
import dev.txlab.harness.store.Stores;
import dev.txlab.harness.store.Topology;
import dev.txlab.messaging.Message;
import dev.txlab.messaging.MessageCodec;
import dev.txlab.messaging.MessageCounters;
import dev.txlab.messaging.artemis.ArtemisTransport;
import dev.txlab.messaging.inbox.Inbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Outbox rows reach the broker once and in order; the inbox absorbs duplicates with no second effect. */
class OutboxInboxTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private Stores stores;
    private ArtemisTransport transport;
    private final MessageCodec codec = new MessageCodec();
    private final Clock clock = Clock.systemUTC();

    @BeforeEach
    void open() throws SQLException {
        StoreConfig config = StoreConfig.builder().allServices(StoreKind.H2_MEM).prefix("outbox_inbox").build();
        Stores.reset(config);
        stores = Stores.open(config, Topology.DATABASE_PER_SERVICE, JdbcDecorator.of());
        transport = new ArtemisTransport(dir, Durability.PROCESS, clock);
        // a stand-in for a handler's state change (DDL commits in H2, so it is made before any handling)
        try (Connection c = stores.dataSource(ServiceName.DEPOT).getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE effects (message_id VARCHAR(40))");
            c.commit();
        }
    }

    @AfterEach
    void close() {
        transport.close();
        stores.close();
    }

    @Test
    void publishesCommittedOutboxRowsOnceInOrderAndMarksThem() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        transport.subscribe("orders.events", "depot", m -> received.add(m.type()));
        Outbox outbox = new Outbox(codec, clock);
        try (OutboxRelay<String> relay = OutboxRelay.ofOutbox("orders", stores.dataSource(ServiceName.ORDERS), transport, codec,
                CrashPoints.disarmed(), new MessageCounters())
                .start()) {
            try (Connection c = stores.dataSource(ServiceName.ORDERS).getConnection()) {
                for (int i = 0; i < 120; i++) {
                    outbox.append(c, "orders.events", message("o1", "Event" + i));
                }
                c.commit();
            }
            relay.wake();

            await().atMost(WAIT).until(() -> received.size() == 120);
            await().atMost(WAIT).until(() -> count("SELECT COUNT(*) FROM outbox WHERE published = FALSE") == 0);
        }
        assertThat(received).containsExactlyElementsOf(
                java.util.stream.IntStream.range(0, 120).mapToObj(i -> "Event" + i).toList());
    }

    @Test
    void aRelayThatCannotPublishSaysSoAndKeepsTheRowForLater() throws Exception {
        Outbox outbox = new Outbox(codec, clock);
        MessageCounters counters = new MessageCounters();
        ArtemisTransport stopped = new ArtemisTransport(dir.resolve("stopped"), Durability.PROCESS, clock);
        stopped.close();
        try (OutboxRelay<String> relay = OutboxRelay.ofOutbox("orders", stores.dataSource(ServiceName.ORDERS), stopped, codec,
                CrashPoints.disarmed(), counters).start()) {
            try (Connection c = stores.dataSource(ServiceName.ORDERS).getConnection()) {
                outbox.append(c, "orders.events", message("o3", "Kept"));
                c.commit();
            }
            relay.wake();

            await().atMost(WAIT).until(() -> counters.counts().backgroundFailures() > 0);
        }
        assertThat(count("SELECT COUNT(*) FROM outbox WHERE published = FALSE")).isEqualTo(1);
    }

    @Test
    void publishesNothingARolledBackTransactionWrote() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        transport.subscribe("orders.events", "depot", m -> received.add(m.type()));
        Outbox outbox = new Outbox(codec, clock);
        try (OutboxRelay<String> relay = OutboxRelay.ofOutbox("orders", stores.dataSource(ServiceName.ORDERS), transport, codec,
                CrashPoints.disarmed(), new MessageCounters())
                .start()) {
            try (Connection c = stores.dataSource(ServiceName.ORDERS).getConnection()) {
                outbox.append(c, "orders.events", message("o2", "Lost"));
                c.rollback();
                outbox.append(c, "orders.events", message("o2", "Kept"));
                c.commit();
            }
            relay.wake();
            await().atMost(WAIT).until(() -> received.size() == 1);
        }
        assertThat(received).containsExactly("Kept");
    }

    @Test
    void aDuplicateDeliveryHasNoSecondEffect() throws Exception {
        Inbox inbox = new Inbox(stores.dataSource(ServiceName.DEPOT), "depot", clock);
        Message message = message("o3", "OrderCreated");

        boolean first = inbox.process(message, c -> insertEffect(c, message));
        boolean second = inbox.process(message, c -> insertEffect(c, message));

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(count("SELECT COUNT(*) FROM effects", ServiceName.DEPOT)).isEqualTo(1);
    }

    @Test
    void aFailedHandlingLeavesNoInboxRowSoTheRedeliveryIsHandled() throws Exception {
        Inbox inbox = new Inbox(stores.dataSource(ServiceName.DEPOT), "depot", clock);
        Message message = message("o4", "OrderCreated");

        assertThatThrownBy(() -> inbox.process(message, c -> {
            insertEffect(c, message);
            throw new SQLException("handler failed");
        })).hasMessage("handler failed");
        assertThat(inbox.process(message, c -> insertEffect(c, message))).isTrue();

        assertThat(count("SELECT COUNT(*) FROM effects", ServiceName.DEPOT)).isEqualTo(1);
    }

    private void insertEffect(Connection c, Message message) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO effects (message_id) VALUES (?)")) {
            insert.setString(1, message.messageId());
            insert.executeUpdate();
        }
    }

    private long count(String sql) throws SQLException {
        return count(sql, ServiceName.ORDERS);
    }

    private long count(String sql, ServiceName service) throws SQLException {
        try (Connection c = stores.dataSource(service).getConnection();
             Statement s = c.createStatement();
             ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            long value = rows.getLong(1);
            c.rollback();
            return value;
        }
    }

    private static Message message(String orderId, String type) {
        return Message.create(type, orderId, null, Instant.now(), "{}");
    }
}
