package dev.txlab.messaging;

import dev.txlab.domain.service.ServiceName;
import dev.txlab.harness.fault.CrashPoint;
import dev.txlab.harness.fault.CrashPoints;
import dev.txlab.harness.fault.FaultPlan;
import dev.txlab.harness.store.JdbcDecorator;
import dev.txlab.harness.store.StoreConfig;
import dev.txlab.harness.store.StoreKind;
import dev.txlab.harness.store.Stores;
import dev.txlab.harness.store.Topology;
import dev.txlab.messaging.inbox.Inbox;
import dev.txlab.messaging.inbox.InboxStep;
import dev.txlab.messaging.spi.DeliveryResults;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** A batch of deliveries through the inbox on a real database: together when it can, each alone when one fails. */
class InboxConsumerTest {
    private Stores stores;
    private final MessageCounters counters = new MessageCounters();
    private final List<String> committed = new CopyOnWriteArrayList<>();
    private InboxConsumer consumer;

    @BeforeEach
    void open() throws SQLException {
        StoreConfig config = StoreConfig.builder().allServices(StoreKind.H2_MEM).prefix("inbox_consumer").build();
        Stores.reset(config);
        stores = Stores.open(config, Topology.DATABASE_PER_SERVICE, JdbcDecorator.of());
        try (Connection c = stores.dataSource(ServiceName.DEPOT).getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE effects (message_id VARCHAR(40))");
            c.commit();
        }
        consumer = new InboxConsumer("depot", stores.dataSource(ServiceName.DEPOT),
                new Inbox(stores.dataSource(ServiceName.DEPOT), "depot", Clock.systemUTC()),
                message -> Optional.of(effectOf(message)), counters, CrashPoints.disarmed(), () -> { });
    }

    @AfterEach
    void close() {
        stores.close();
    }

    /** Records the message in the effects table; a message of type Broken runs a statement that fails. */
    private InboxStep<String> effectOf(Message message) {
        return new InboxStep<>() {
            @Override
            public String apply(Connection connection) throws SQLException {
                String table = message.type().equals("Broken") ? "no_such_table" : "effects";
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO " + table + " (message_id) VALUES (?)")) {
                    insert.setString(1, message.messageId());
                    insert.executeUpdate();
                }
                return message.messageId();
            }

            @Override
            public void committed(String messageId) {
                committed.add(messageId);
            }
        };
    }

    @Test
    void handlesABatchInOneTransactionAndSkipsADuplicateInIt() throws SQLException {
        Message a = message("o1", "Reserve");
        Message b = message("o2", "Reserve");

        DeliveryResults results = consumer.handleAll(List.of(a, b, a));

        assertThat(results.handled()).isEqualTo(3);
        assertThat(effects()).containsExactlyInAnyOrder(a.messageId(), b.messageId());
        assertThat(committed).containsExactly(a.messageId(), b.messageId());
        assertThat(counters.counts().batches()).as("one local transaction").isEqualTo(1);
        assertThat(counters.counts().batchedDeliveries()).isEqualTo(3);
        assertThat(counters.counts().duplicatesSkipped()).isEqualTo(1);
    }

    @Test
    void stepsThatAllNameALockKeyRunInKeyOrderKeepingOneKeysDeliveryOrderAndCompleteAsDelivered()
            throws SQLException {
        List<String> applied = new CopyOnWriteArrayList<>();
        InboxConsumer keyed = new InboxConsumer("depot", stores.dataSource(ServiceName.DEPOT),
                new Inbox(stores.dataSource(ServiceName.DEPOT), "depot", Clock.systemUTC()),
                message -> Optional.of(keyed(message, message.type().equals("Unkeyed") ? Optional.empty()
                        : Optional.of(message.type()), applied)), counters, CrashPoints.disarmed(), () -> { });
        Message first = message("o1", "c2");
        Message second = message("o2", "c1");
        Message third = message("o3", "c2");

        keyed.handleAll(List.of(first, second, third));

        assertThat(applied).as("in key order, c2's two in their delivery order")
                .containsExactly(second.messageId(), first.messageId(), third.messageId());
        assertThat(committed).as("completed as delivered")
                .containsExactly(first.messageId(), second.messageId(), third.messageId());
        assertThat(counters.counts().batches()).isEqualTo(1);

        applied.clear();
        Message unkeyed = message("o4", "Unkeyed");
        Message later = message("o5", "c1");
        keyed.handleAll(List.of(unkeyed, later));
        assertThat(applied).as("a step without a key: the batch runs as delivered")
                .containsExactly(unkeyed.messageId(), later.messageId());
    }

    private InboxStep<String> keyed(Message message, Optional<String> lockKey, List<String> applied) {
        InboxStep<String> effect = effectOf(message);
        return new InboxStep<>() {
            @Override
            public String apply(Connection connection) throws SQLException {
                applied.add(message.messageId());
                return effect.apply(connection);
            }

            @Override
            public void committed(String messageId) {
                effect.committed(messageId);
            }

            @Override
            public Optional<String> lockKey() {
                return lockKey;
            }
        };
    }

    @Test
    void aFailingDeliveryCommitsNothingTheOthersCommitAndALaterOneOfItsOrderWaits() throws SQLException {
        Message first = message("o1", "Reserve");
        Message broken = message("o2", "Broken");
        Message afterBroken = message("o2", "Release");
        Message last = message("o3", "Reserve");

        DeliveryResults results = consumer.handleAll(List.of(first, broken, afterBroken, last));

        assertThat(results.failure(0)).isEmpty();
        assertThat(results.failure(1)).get().isInstanceOf(SQLException.class);
        assertThat(results.failure(2)).as("waits for the failed delivery of its order")
                .get().isInstanceOf(DeferredDeliveryException.class);
        assertThat(results.failure(3)).isEmpty();
        assertThat(effects()).containsExactlyInAnyOrder(first.messageId(), last.messageId());
        assertThat(inbox()).as("the failed and the waiting delivery left no inbox row")
                .containsExactlyInAnyOrder(first.messageId(), last.messageId());
        assertThat(committed).containsExactly(first.messageId(), last.messageId());
    }

    @Test
    void theMidBatchCrashPointFiresOnlyInABatchOfTwoOrMoreAndAnnouncesItsSize() {
        ByteArrayOutputStream announced = new ByteArrayOutputStream();
        List<Integer> halts = new CopyOnWriteArrayList<>();
        CrashPoints armed = new CrashPoints(FaultPlan.crashAt(CrashPoint.SAGA_MID_BATCH, 1), halts::add,
                new PrintStream(announced, true, StandardCharsets.UTF_8));
        InboxConsumer halting = new InboxConsumer("depot", stores.dataSource(ServiceName.DEPOT),
                new Inbox(stores.dataSource(ServiceName.DEPOT), "depot", Clock.systemUTC()),
                message -> Optional.of(effectOf(message)), counters, armed, () -> { });

        halting.handleAll(List.of(message("o1", "Reserve")));
        assertThat(halts).as("a delivery alone is no batch").isEmpty();

        halting.handleAll(List.of(message("o2", "Reserve"), message("o3", "Reserve"), message("o4", "Reserve")));
        assertThat(halts).containsExactly(CrashPoints.CRASH_EXIT_CODE);
        assertThat(announced.toString(StandardCharsets.UTF_8))
                .isEqualTo(CrashPoints.FIRED_MARKER + "SAGA_MID_BATCH hit=1 batch=3" + System.lineSeparator());
    }

    private List<String> effects() throws SQLException {
        return column("SELECT message_id FROM effects");
    }

    private List<String> inbox() throws SQLException {
        return column("SELECT message_id FROM inbox");
    }

    private List<String> column(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = stores.dataSource(ServiceName.DEPOT).getConnection();
             Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            c.rollback();
        }
        return values;
    }

    private static Message message(String orderId, String type) {
        return Message.create(type, orderId, null, Instant.now(), "{}");
    }
}
