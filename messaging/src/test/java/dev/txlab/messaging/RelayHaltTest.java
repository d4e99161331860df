package dev.txlab.messaging;

import dev.txlab.domain.service.ServiceName;
import dev.txlab.harness.child.ChildJvm;
import dev.txlab.harness.fault.CrashPoint;
import dev.txlab.harness.fault.CrashPoints;
import dev.txlab.harness.store.JdbcDecorator;
import dev.txlab.harness.store.Stores;
import dev.txlab.harness.store.Topology;
import dev.txlab.messaging.inbox.Inbox;
import dev.txlab.messaging.outbox.Outbox;
import dev.txlab.messaging.outbox.OutboxRelay;
import dev.txlab.messaging.spi.Transport;
import dev.txlab.testkit.Servers;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.sql.Connection;
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
 * A relay halted between publishing and marking (a real child JVM) at worst causes a duplicate: the
 * next relay publishes the still-unmarked row again and the inbox absorbs a second copy; one effect in all.
 */
class RelayHaltTest {
    @TempDir
    Path dataDir;

    @ParameterizedTest
    @ValueSource(strings = {"artemis", "nats"})
    void aRelayHaltedAfterPublishingBeforeMarkingOnlyCausesADuplicate(String kind) throws Exception {
        if ("nats".equals(kind)) {
            Servers.assumeReachable("NATS", "127.0.0.1", 4222);
        }
        Clock clock = Clock.systemUTC();
        Stores.reset(AtLeastOnceAcrossAHaltTest.store(dataDir));
        Message message = Message.create("OrderCreated", "o9", null, Instant.now(), "{}");
        try (Stores stores = open()) {
            execute(stores, ServiceName.DEPOT, "CREATE TABLE effects (message_id VARCHAR(40))");
            try (Connection c = stores.dataSource(ServiceName.ORDERS).getConnection()) {
                new Outbox(new MessageCodec(), clock).append(c, AtLeastOnceAcrossAHaltTest.DESTINATION, message);
                c.commit();
            }
        }
        try (Transport transport = AtLeastOnceAcrossAHaltTest.transport(kind, dataDir, true)) {
            transport.subscribe(AtLeastOnceAcrossAHaltTest.DESTINATION, "depot", m -> {
                throw new IllegalStateException("the group exists; its consumer is not running yet");
            }).close();
        }

        ChildJvm.Result child = ChildJvm.run(RelayHaltChild.class, Duration.ofMinutes(2),
                new AtLeastOnceAcrossAHaltTest.ChildRequest(kind, dataDir.toString()));

        assertThat(child.crashed()).as("exit code %d, stderr:%n%s", child.exitCode(), child.stderr()).isTrue();
        assertThat(child.firedPoint()).contains(CrashPoint.SAGA_AFTER_PUBLISH_BEFORE_MARK.name());
        try (Stores stores = open();
             Transport transport = AtLeastOnceAcrossAHaltTest.transport(kind, dataDir, false)) {
            assertThat(count(stores, ServiceName.ORDERS, "SELECT COUNT(*) FROM outbox WHERE published = FALSE"))
                    .as("the halt came before the mark").isEqualTo(1);
            Inbox inbox = new Inbox(stores.dataSource(ServiceName.DEPOT), "depot", clock);
            AtomicInteger handled = new AtomicInteger();
            AtomicInteger skipped = new AtomicInteger();
            transport.subscribe(AtLeastOnceAcrossAHaltTest.DESTINATION, "depot", m -> {
                if (inbox.process(m, c -> AtLeastOnceAcrossAHaltTest.recordEffect(c, m))) {
                    handled.incrementAndGet();
                } else {
                    skipped.incrementAndGet();
                }
            });
            try (OutboxRelay<String> relay = OutboxRelay.ofOutbox("orders", stores.dataSource(ServiceName.ORDERS), transport,
                    new MessageCodec(), CrashPoints.disarmed(), new MessageCounters()).start()) {
                relay.wake();
                await().atMost(Duration.ofSeconds(30)).until(() -> count(stores, ServiceName.ORDERS,
                        "SELECT COUNT(*) FROM outbox WHERE published = FALSE") == 0 && handled.get() == 1);
            }
            // the child's publish is delivered too when the broker had persisted it before the halt:
            // then the inbox skips one of the two deliveries; either way there is one effect
            assertThat(handled).hasValue(1);
            assertThat(skipped.get()).isBetween(0, 1);
            assertThat(count(stores, ServiceName.DEPOT, "SELECT COUNT(*) FROM effects")).isEqualTo(1);
        }
    }

    private Stores open() {
        return Stores.open(AtLeastOnceAcrossAHaltTest.store(dataDir), Topology.DATABASE_PER_SERVICE, JdbcDecorator.of());
    }

    private static void execute(Stores stores, ServiceName service, String sql) throws SQLException {
        try (Connection c = stores.dataSource(service).getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
            c.commit();
        }
    }

    private static long count(Stores stores, ServiceName service, String sql) throws SQLException {
        try (Connection c = stores.dataSource(service).getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            long value = rows.getLong(1);
            c.rollback();
            return value;
        }
    }
}
