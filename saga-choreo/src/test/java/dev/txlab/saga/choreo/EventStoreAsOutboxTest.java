package dev.txlab.saga.choreo;

import dev.txlab.domain.model.OrdersModel;
import dev.txlab.domain.service.ServiceName;
import dev.txlab.harness.cost.MessageCounts;
import dev.txlab.harness.placement.ImplementationId;
import dev.txlab.harness.run.OrderListener;
import dev.txlab.harness.run.Run;
import dev.txlab.harness.run.RunOptions;
import dev.txlab.harness.store.StoreKind;
import dev.txlab.harness.workload.WorkloadSpec;
import dev.txlab.testkit.TestStores;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With event-sourced orders, saga-choreo's orders service publishes OrderCreated from its event store:
 * no outbox row is written for it, each CREATED event is marked published, the decisions are only
 * stored, and the choreography sends the same messages as with the state model.
 */
class EventStoreAsOutboxTest {
    private static final WorkloadSpec SPEC = WorkloadSpec.builder().seed(5).orders(200).refusalRate(0.1).build();

    private record Seen(MessageCounts messages, long ordersOutboxRows, Map<String, Long> eventsByPublication) {
    }

    @Test
    void theCreatedEventIsTheOrderCreatedMessageAndNoOutboxRowIsWrittenForIt() throws Exception {
        Seen state = run("esoutbox_state", OrdersModel.STATE);
        Seen eventSourced = run("esoutbox_events", OrdersModel.EVENT_SOURCED);

        assertThat(state.ordersOutboxRows()).as("the state model: OrderCreated in the outbox").isEqualTo(SPEC.orders());
        assertThat(eventSourced.ordersOutboxRows()).as("no outbox row beside the event store").isZero();
        assertThat(eventSourced.eventsByPublication()).containsEntry("CREATED published", (long) SPEC.orders())
                .containsOnlyKeys("CREATED published", "APPROVED stored", "REJECTED stored");
        assertThat(eventSourced.messages().published()).as("the same messages as the state model")
                .isEqualTo(state.messages().published());
    }

    private static Seen run(String prefix, OrdersModel model) throws Exception {
        try (Run run = Run.prepare(RunOptions.builder(TestStores.of(StoreKind.H2_FILE, prefix).build(),
                        ImplementationId.SAGA_CHOREO)
                .workload(SPEC)
                .callers(8)
                .ordersModel(model)
                .build())) {
            run.execute(OrderListener.NONE);
            assertThat(run.audit().ok()).as(run.audit().describe(20)).isTrue();
            try (Connection orders = run.stores().dataSource(ServiceName.ORDERS).getConnection();
                 Statement statement = orders.createStatement()) {
                long outboxRows = count(statement, "SELECT COUNT(*) FROM outbox");
                Map<String, Long> events = new TreeMap<>();
                try (ResultSet rows = statement.executeQuery("SELECT event_type, published, COUNT(*) FROM order_events "
                        + "GROUP BY event_type, published")) {
                    while (rows.next()) {
                        boolean stored = rows.getObject(2) == null;
                        events.put(rows.getString(1) + (stored ? " stored" : rows.getBoolean(2) ? " published"
                                : " unpublished"), rows.getLong(3));
                    }
                }
                orders.rollback();
                return new Seen(run.placement().messageCounts().orElseThrow(), outboxRows, events);
            }
        }
    }

    private static long count(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
