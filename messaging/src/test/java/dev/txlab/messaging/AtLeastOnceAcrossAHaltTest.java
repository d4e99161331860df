package dev.txlab.messaging;

import dev.txlab.domain.service.ServiceName;
import dev.txlab.harness.child.ChildJvm;
import dev.txlab.harness.fault.CrashPoint;
import dev.txlab.harness.placement.TransportSettings;
import dev.txlab.harness.store.Durability;
import dev.txlab.harness.store.JdbcDecorator;
import dev.txlab.harness.store.StoreConfig;
import dev.txlab.harness.store.StoreKind;
import dev.txlab.harness.store.Stores;
import dev.txlab.harness.store.Topology;
import dev.txlab.messaging.artemis.ArtemisTransport;
import dev.txlab.messaging.inbox.Inbox;
import dev.txlab.messaging.nats.NatsTransport;
import dev.txlab.messaging.spi.Transport;
import dev.txlab.testkit.Servers;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * At-least-once across a real crash: a child JVM handles a message through the inbox and halts
 * after its commit, before the ack. The message comes again to the next consumer, whose inbox
 * recognises it: one effect in all.
 */
class AtLeastOnceAcrossAHaltTest {
    static final String DESTINATION = "orders.events";

    @TempDir
    Path dataDir;

    /** What a halting child runs on: the transport (artemis or nats) and its data folder. */
    record ChildRequest(String transport, String dataDir) {
    }

    static StoreConfig store(Path dataDir) {
        return StoreConfig.builder().allServices(StoreKind.H2_FILE).prefix("t_halt_ack").dataDir(dataDir).build();
    }

    static Transport transport(String kind, Path dataDir, boolean fresh) {
        return "nats".equals(kind)
                ? new NatsTransport(TransportSettings.DEFAULT_NATS_URL, "t_halt_ack", Durability.PROCESS, Clock.systemUTC(), fresh)
                : new ArtemisTransport(dataDir.resolve("artemis"), Durability.PROCESS, Clock.systemUTC());
    }

    static void recordEffect(Connection connection, Message message) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO effects (message_id) VALUES (?)")) {
            insert.setString(1, message.messageId());
            insert.executeUpdate();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"artemis", "nats"})
    void aMessageHandledByAConsumerThatHaltedBeforeItsAckComesAgainWithNoSecondEffect(String kind) throws Exception {
        if ("nats".equals(kind)) {
            Servers.assumeReachable("NATS", "127.0.0.1", 4222);
        }
        Stores.reset(store(dataDir));
        try (Stores stores = Stores.open(store(dataDir), Topology.DATABASE_PER_SERVICE, JdbcDecorator.of());
             Connection c = stores.dataSource(ServiceName.DEPOT).getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE effects (message_id VARCHAR(40))");
            c.commit();
        }
        Message message = Message.create("OrderCreated", "o1", null, Instant.now(), "{}");
        try (Transport transport = transport(kind, dataDir, true)) {
            transport.subscribe(DESTINATION, "depot", m -> {
                throw new IllegalStateException("the group exists; its consumer is not running yet");
            }).close();
            transport.publish(DESTINATION, message);
        }

        ChildJvm.Result child = ChildJvm.run(HaltBeforeAckChild.class, Duration.ofMinutes(2),
                new ChildRequest(kind, dataDir.toString()));

        assertThat(child.crashed()).as("exit code %d, stderr:%n%s", child.exitCode(), child.stderr()).isTrue();
        assertThat(child.firedPoint()).contains(CrashPoint.SAGA_AFTER_CONSUMER_COMMIT_BEFORE_ACK.name());
        try (Stores stores = Stores.open(store(dataDir), Topology.DATABASE_PER_SERVICE, JdbcDecorator.of());
             Transport transport = transport(kind, dataDir, false)) {
            assertThat(effects(stores)).as("the child's commit survived its halt").isEqualTo(1);
            Inbox inbox = new Inbox(stores.dataSource(ServiceName.DEPOT), "depot", Clock.systemUTC());
            AtomicInteger redelivered = new AtomicInteger();
            AtomicInteger skipped = new AtomicInteger();
            transport.subscribe(DESTINATION, "depot", m -> {
                redelivered.incrementAndGet();
                if (!inbox.process(m, connection -> recordEffect(connection, m))) {
                    skipped.incrementAndGet();
                }
            });

            await().atMost(Duration.ofSeconds(60)).until(() -> skipped.get() == 1);
            assertThat(redelivered).hasValue(1);
            assertThat(effects(stores)).isEqualTo(1);
        }
    }

    private static long effects(Stores stores) throws SQLException {
        try (Connection c = stores.dataSource(ServiceName.DEPOT).getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM effects")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
