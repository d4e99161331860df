package dev.txlab.messaging.outbox;

import dev.txlab.domain.model.OrderEvent;
import dev.txlab.domain.model.OrderLine;
import dev.txlab.domain.model.OrderRequest;
import dev.txlab.domain.service.OrderEventStore;
import dev.txlab.domain.service.ServiceName;
import dev.txlab.harness.audit.Invariant;
import dev.txlab.harness.audit.Violation;
import dev.txlab.harness.store.JdbcDecorator;
import dev.txlab.harness.store.StoreConfig;
import dev.txlab.harness.store.StoreKind;
import dev.txlab.harness.store.Stores;
import dev.txlab.harness.store.Topology;
import dev.txlab.messaging.Message;
import dev.txlab.messaging.spi.Transport;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The orders event store as a relay's source: the events to publish become messages; one whose
 * payload cannot be read stays unpublished, is reported once and holds up no other; the audit finds
 * every event never published as an I3 leftover.
 */
class OrderEventOutboxTest {
    private static final Set<OrderEvent.Type> CREATED = Set.of(OrderEvent.Type.CREATED);

    @Test
    void anUnreadableEventStaysUnpublishedReportedOnceAndHoldsUpNoOther() throws Exception {
        StoreConfig config = StoreConfig.builder().allServices(StoreKind.H2_MEM).prefix("event_outbox").build();
        Stores.reset(config);
        List<String> failures = new ArrayList<>();
        OrderEventOutbox source = new OrderEventOutbox(event -> new Transport.Outgoing("orders.events",
                new Message(event.orderId() + "/" + event.version(), "OrderCreated", event.orderId(), null,
                        Instant.ofEpochMilli(event.committedAtMs()), event.order().customerId())),
                (thread, failure) -> failures.add(failure.getMessage()));
        try (Stores stores = Stores.open(config, Topology.DATABASE_PER_SERVICE, JdbcDecorator.of());
             Connection c = stores.dataSource(ServiceName.ORDERS).getConnection()) {
            OrderEventStore.append(c, List.of(new OrderEvent("o1", 1, OrderEvent.Type.CREATED,
                    "customer=alice;lines=sku1*two*100", 1)), CREATED);
            OrderEventStore.append(c, List.of(OrderEvent.created(new OrderRequest("o2", "bob",
                    List.of(new OrderLine("sku1", 1, 100))), 1, 2)), CREATED);
            OrderEventStore.append(c, List.of(OrderEvent.approved("o2", 2, 3)), CREATED);
            c.commit();

            List<RelaySource.Pending<OrderEvent>> first = source.unpublished(c, 100);
            source.markPublished(c, first.stream().map(RelaySource.Pending::key).toList());
            c.commit();
            List<RelaySource.Pending<OrderEvent>> second = source.unpublished(c, 100);
            List<Violation> leftovers = new OutboxLeftovers().find(stores, null);

            assertThat(first).singleElement().satisfies(pending -> {
                assertThat(pending.outgoing().message().messageId()).isEqualTo("o2/1");
                assertThat(pending.outgoing().message().payload()).isEqualTo("bob");
            });
            assertThat(second).isEmpty();
            assertThat(source.countUnpublished(c)).as("the unreadable one still waits").isEqualTo(1);
            assertThat(failures).singleElement().asString().startsWith("cannot publish order o1, event version 1: "
                    + "CREATED payload");
            assertThat(leftovers).singleElement().satisfies(v -> {
                assertThat(v.invariant()).isEqualTo(Invariant.I3_NO_LEFTOVERS);
                assertThat(v.subject()).isEqualTo("o1");
                assertThat(v.found()).isEqualTo("order event CREATED (version 1) never published from the orders "
                        + "event store");
            });
        }
    }
}
